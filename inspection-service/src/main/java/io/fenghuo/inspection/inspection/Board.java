package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.AnalogReading;
import io.fenghuo.contracts.signal.PointRef;
import java.time.Instant;
import java.util.Optional;

/** The status board's current states and their history (port). */
public interface Board {

  /** When the held state of the object was received, if one is held. */
  Optional<Instant> receivedAt(OperatorId operator, DeviceAddress device, String objectKey);

  /** Replaces the object's state and appends it to the history. */
  void put(OperatorId operator, UnitId unit, PointState state, String signalId, Instant now);

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
