package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where alarms are kept (port). Every method runs inside the caller's transaction. */
public interface Alarms {

  /** Serialises the receipt of signals of one group (unit and category) across instances. */
  void lockGroup(OperatorId operator, String groupKey);

  /**
   * Serialises, per device, the receipt of its signals with the arrival of its unit binding, so
   * that an alarm opened without its unit is always seen by the binding that follows.
   */
  void lockDevice(OperatorId operator, DeviceAddress device);

  /** The open alarms of a device that opened while it was bound to no unit, locked for update. */
  List<Alarm> openWithoutUnit(OperatorId operator, DeviceAddress device);

  /**
   * Moves the points of an alarm to its unit (after {@link Alarm#attachUnit}) with their places
   * from the archive; a place the archive does not know keeps what was stored.
   */
  void placePoints(Alarm alarm, java.util.function.Function<StoredPoint, PointPlace> place);

  /** The open alarm of a group, locked for update. */
  Optional<Alarm> openInGroup(OperatorId operator, String groupKey);

  /** The open alarms of a unit (or unbound device), fire first, locked for update. */
  List<Alarm> openOfUnitOrDevice(OperatorId operator, UnitId unit, DeviceAddress device);

  /** An alarm, locked for update; any operator. */
  Optional<Alarm> lock(AlarmId id);

  /** Alarms whose timers are due, locked (skipping those another instance holds). */
  List<Alarm> lockDue(Instant now, int limit);

  /** Inserts a new alarm or updates a loaded one, and appends its pending audit entries. */
  void save(Alarm alarm);

  /**
   * Records a signal's point on an alarm.
   *
   * @return true if the point is new to the alarm, false if it reported again
   */
  boolean recordPoint(Alarm alarm, PointSignal signal, PointPlace place, Instant now);

  /** The points of an alarm, first alert first. */
  List<StoredPoint> points(Alarm alarm);

  /** Appends a call. */
  void addCall(Alarm alarm, Views.CallView call);

  /** Whether a call of the alarm was answered. */
  boolean hasAnsweredCall(Alarm alarm);

  /** Makes the scheduler look at every open alarm of the operator again (the policy changed). */
  void recheckOpen(OperatorId operator, Instant now);

  /** The alarm's state at the 119 boundary, if the dispatch service reported any. */
  Optional<DispatchState> dispatch(AlarmId id);

  /** Stores the alarm's state at the 119 boundary. */
  void saveDispatch(Alarm alarm, DispatchState state);
}
