package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.contracts.alarm.FalseAlarmCause;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.FireAlarmSource;
import java.time.Instant;

/**
 * The stored state of an alarm, as the persistence adapter reads and writes it.
 *
 * @param openedAt when the centre received the first signal: the alarm's partition key and the base
 *     of its timers (device clocks are not trusted for either)
 * @param groupKey the unit (or, for an unbound device, the device) and category whose points join
 *     this alarm while it is open
 */
public record AlarmRecord(
    AlarmId id,
    Instant openedAt,
    OperatorId operator,
    UnitId unit,
    DeviceAddress device,
    String groupKey,
    AlarmCategory category,
    boolean humanInitiated,
    boolean maintenanceWindow,
    AlarmState state,
    Instant firstAlertAt,
    Instant lastPointAt,
    int pointCount,
    String firstSignalId,
    FireAlarmSource firstSource,
    String firstPointKey,
    String claimedBy,
    Instant claimedAt,
    Instant lastActivityAt,
    int escalationLevel,
    boolean forwardedUnconfirmed,
    Instant nextCheckAt,
    Verdict verdict,
    FalseAlarmCause cause,
    String resultBy,
    Instant resultAt,
    String resultNotes,
    FireDetails fire) {

  /**
   * What the unit said about a true fire, from the confirm form.
   *
   * @param fireLocation 起火部位 as the unit said, or null (then the first point's location)
   * @param burningMaterial or null
   * @param fireSize or null
   * @param caller or null
   * @param callerPhone or null
   */
  public record FireDetails(
      String fireLocation,
      String burningMaterial,
      String fireSize,
      String caller,
      String callerPhone) {

    /** Nothing known. */
    public static final FireDetails NONE = new FireDetails(null, null, null, null, null);
  }
}
