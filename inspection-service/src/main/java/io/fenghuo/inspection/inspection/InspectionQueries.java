package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.fault.FaultKind;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.AnalogReading;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The read side (port): what the API shows, read without locks. */
public interface InspectionQueries {

  /** A board entry with its last analog value. */
  record BoardRow(PointState state, AnalogReading analog, Instant analogAt) {}

  /**
   * A fault list filter.
   *
   * @param operator null for every operator
   * @param unit null for every unit
   * @param open true open only, false closed only, null both
   * @param company only faults assigned to this maintenance company; null for any
   */
  record FaultQuery(
      OperatorId operator,
      UnitId unit,
      Boolean open,
      FaultKind kind,
      Instant from,
      Instant to,
      int page,
      int size,
      String company) {

    /** A filter for any company. */
    public FaultQuery(
        OperatorId operator,
        UnitId unit,
        Boolean open,
        FaultKind kind,
        Instant from,
        Instant to,
        int page,
        int size) {
      this(operator, unit, open, kind, from, to, page, size, null);
    }
  }

  /** A page of fault records, newest first. */
  record FaultList(List<FaultRecord> items, long total) {}

  /** The board entries of these devices. */
  List<BoardRow> boardRows(OperatorId operator, Collection<DeviceAddress> devices);

  /** The devices of a unit, or of the operator (unit null), optionally of one liveness. */
  List<Uitd> uitds(OperatorId operator, UnitId unit, Liveness liveness);

  FaultList faults(FaultQuery query);

  Optional<FaultRecord> fault(FaultId id);

  List<Fault.LogEntry> log(FaultId id);

  /** Open faults of these devices. */
  List<FaultRecord> openFaults(OperatorId operator, Collection<DeviceAddress> devices);

  /** Faults of these devices that were open at some time in [from, to). */
  List<FaultRecord> faultsOverlapping(
      OperatorId operator, Collection<DeviceAddress> devices, Instant from, Instant to);

  /** Status history of these devices, newest first. */
  Views.HistoryPage history(
      OperatorId operator,
      Collection<DeviceAddress> devices,
      Instant from,
      Instant to,
      int page,
      int size);

  /** Polls of these devices, newest first. */
  List<PollRecord> polls(OperatorId operator, Collection<DeviceAddress> devices, int limit);
}
