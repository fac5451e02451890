package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.AnalogReading;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.signal.StateFlag;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The status board's current states and their history (port). */
public interface Board {

  /**
   * Replaces the object's state and appends it to the history, unless the held state was received
   * later (an older state delivered late changes nothing). One statement.
   *
   * @return empty if a later state is held; else the conditions the object showed before (empty if
   *     no state was held)
   */
  Optional<Set<StateFlag>> putUnlessOlder(
      OperatorId operator, UnitId unit, PointState state, String signalId, Instant now);

  /** Records a component's analog value on its board entry, and in the history. */
  void analog(
      OperatorId operator,
      UnitId unit,
      DeviceAddress device,
      PointRef point,
      AnalogReading reading,
      Instant receivedAt,
      String signalId,
      Instant now);

  /**
   * An operation on the panel or the UITD, noted in the history. A reset also clears the alarm-like
   * states (fire, supervisory, started, feedback, delay) of the system's objects (or all the
   * device's, for a UITD reset); faults and disables stay until the device reports them gone.
   *
   * @param system the operated system, or null for the UITD
   */
  void operation(
      OperatorId operator,
      UnitId unit,
      DeviceAddress device,
      PointRef system,
      boolean reset,
      String detail,
      Instant receivedAt,
      String signalId,
      Instant now);
}
