package io.fenghuo.gateway.command;

import io.fenghuo.contracts.command.DeviceCommandRequested;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.ClockSync;
import io.fenghuo.gb26875.adu.ComponentAddress;
import io.fenghuo.gb26875.adu.ComponentQuery;
import io.fenghuo.gb26875.adu.DutyCheck;
import io.fenghuo.gb26875.adu.FacilityOperationQuery;
import io.fenghuo.gb26875.adu.SystemQuery;
import io.fenghuo.gb26875.adu.SystemType;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.adu.UitdOperationQuery;
import io.fenghuo.gb26875.adu.UitdRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Builds the GB/T 26875.3 application data of a downlink command (§8.3.2, types 61–91). */
final class CommandFrames {

  private CommandFrames() {}

  /**
   * @param now the centre's time, for clock sync
   * @throws IllegalArgumentException if a parameter the kind needs is missing or out of range
   */
  static TypedData of(DeviceCommandRequested c, Instant now, ZoneId zone) {
    TypeFlag type = TypeFlag.lookup(c.kind().typeFlag());
    return switch (c.kind()) {
      case READ_SYSTEM_STATE,
          READ_FACILITY_SOFTWARE_VERSION,
          READ_SYSTEM_CONFIGURATION,
          READ_FACILITY_SYSTEM_TIME ->
          TypedData.of(
              type, new SystemQuery(systemType(c), required(c.systemAddress(), "systemAddress")));
      case READ_COMPONENT_STATE, READ_COMPONENT_ANALOG_VALUE, READ_COMPONENT_CONFIGURATION ->
          TypedData.of(
              type,
              new ComponentQuery(
                  systemType(c),
                  required(c.systemAddress(), "systemAddress"),
                  ComponentAddress.of(required(c.componentAddress(), "componentAddress"))));
      case READ_FACILITY_OPERATIONS ->
          TypedData.of(
              type,
              new FacilityOperationQuery(
                  systemType(c),
                  required(c.systemAddress(), "systemAddress"),
                  required(c.recordCount(), "recordCount"),
                  label(required(c.since(), "since"), zone)));
      case READ_UITD_OPERATIONS ->
          TypedData.of(
              type,
              new UitdOperationQuery(
                  required(c.recordCount(), "recordCount"),
                  label(required(c.since(), "since"), zone)));
      case READ_UITD_STATE,
          READ_UITD_SOFTWARE_VERSION,
          READ_UITD_CONFIGURATION,
          READ_UITD_SYSTEM_TIME,
          INITIALISE ->
          TypedData.of(type, new UitdRequest(0));
      case SYNC_CLOCK -> TypedData.of(type, new ClockSync(label(now, zone)));
      case DUTY_CHECK ->
          TypedData.of(type, new DutyCheck(required(c.dutyCheckMinutes(), "dutyCheckMinutes")));
    };
  }

  private static SystemType systemType(DeviceCommandRequested c) {
    return SystemType.of(required(c.systemType(), "systemType"));
  }

  private static TimeLabel label(Instant t, ZoneId zone) {
    return TimeLabel.of(LocalDateTime.ofInstant(t, zone));
  }

  private static <T> T required(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required for this command");
    }
    return value;
  }
}
