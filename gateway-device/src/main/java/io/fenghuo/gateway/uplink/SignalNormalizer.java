package io.fenghuo.gateway.uplink;

import io.fenghuo.contracts.event.EventIds;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.signal.AnalogReading;
import io.fenghuo.contracts.signal.DeviceSignal;
import io.fenghuo.contracts.signal.FireAlarmRaised;
import io.fenghuo.contracts.signal.FireAlarmSource;
import io.fenghuo.contracts.signal.OperationFlag;
import io.fenghuo.contracts.signal.OperationRecorded;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.signal.StatusChanged;
import io.fenghuo.contracts.signal.StatusSource;
import io.fenghuo.contracts.signal.TelemetryKind;
import io.fenghuo.contracts.signal.TelemetryReported;
import io.fenghuo.gb26875.FrameHeader;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.AnalogValue;
import io.fenghuo.gb26875.adu.ComponentConfiguration;
import io.fenghuo.gb26875.adu.ComponentStateBit;
import io.fenghuo.gb26875.adu.ComponentStatus;
import io.fenghuo.gb26875.adu.FacilityOperation;
import io.fenghuo.gb26875.adu.FacilityOperationBit;
import io.fenghuo.gb26875.adu.FacilitySoftwareVersion;
import io.fenghuo.gb26875.adu.FacilitySystemTime;
import io.fenghuo.gb26875.adu.InformationObject;
import io.fenghuo.gb26875.adu.NoData;
import io.fenghuo.gb26875.adu.SystemConfiguration;
import io.fenghuo.gb26875.adu.SystemStateBit;
import io.fenghuo.gb26875.adu.SystemStatus;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.adu.UitdConfiguration;
import io.fenghuo.gb26875.adu.UitdOperation;
import io.fenghuo.gb26875.adu.UitdOperationBit;
import io.fenghuo.gb26875.adu.UitdSoftwareVersion;
import io.fenghuo.gb26875.adu.UitdStateBit;
import io.fenghuo.gb26875.adu.UitdStatus;
import io.fenghuo.gb26875.adu.UitdSystemTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns an upload (cmd 2) or a read answer (cmd 5) into device signals: one per information object,
 * plus a {@link FireAlarmRaised} for every object that carries a fire (fire bit of types 1, 2, 21;
 * manual alarm of types 4, 24). Ids are deterministic (device, command, serial, frame time label,
 * type flag, object index, type: {@link EventIds#forDeviceObject}), so a retransmitted frame yields
 * the same ids and an answer never shares one with an upload. An empty upload is a heartbeat. Types
 * without a signal (vendor types) yield nothing.
 *
 * <p>Pure and thread-safe.
 */
public final class SignalNormalizer {

  private final ZoneId deviceZone;

  /**
   * @param deviceZone the devices' local time zone, to turn time labels into instants
   */
  public SignalNormalizer(ZoneId deviceZone) {
    this.deviceZone = Objects.requireNonNull(deviceZone, "deviceZone");
  }

  /** The signals of one frame from {@code device}, received at {@code receivedAt}. */
  public List<NormalizedSignal> normalize(
      DeviceAddress device, Gb26875Message message, Instant receivedAt) {
    Frame f =
        new Frame(
            device,
            message.header(),
            message.data() instanceof TypedData t ? t.typeFlagValue() : 0,
            receivedAt);
    if (message.data() instanceof NoData) {
      f.add(
          0,
          null,
          new TelemetryReported(
              device, TelemetryKind.HEARTBEAT, null, null, null, null, null, receivedAt, f.serial));
      return f.out;
    }
    if (!(message.data() instanceof TypedData typed)) {
      return List.of();
    }
    List<InformationObject> objects = typed.objects();
    for (int i = 0; i < objects.size(); i++) {
      normalizeObject(f, i, objects.get(i));
    }
    return f.out;
  }

  /** True if any signal is a fire alarm: the frame belongs on the alarm lane. */
  public static boolean carriesFire(List<NormalizedSignal> signals) {
    for (NormalizedSignal s : signals) {
      if (s.data() instanceof FireAlarmRaised) {
        return true;
      }
    }
    return false;
  }

  private void normalizeObject(Frame f, int i, InformationObject o) {
    DeviceAddress d = f.device;
    if (o instanceof SystemStatus s) {
      PointRef point = PointRef.system(s.systemType().code(), s.systemAddress());
      Instant at = instant(s.time());
      Set<StateFlag> flags = EnumSet.noneOf(StateFlag.class);
      if (!s.state().has(SystemStateBit.NORMAL)) {
        flags.add(StateFlag.TEST);
      }
      for (SystemStateBit b : s.state().set()) {
        StateFlag flag = systemFlag(b);
        if (flag != null) {
          flags.add(flag);
        }
      }
      if (s.state().has(SystemStateBit.FIRE_ALARM)) {
        f.add(
            i,
            at,
            new FireAlarmRaised(
                d, FireAlarmSource.SYSTEM_STATE, point, null, at, f.receivedAt, f.serial));
      }
      f.add(
          i,
          at,
          new StatusChanged(
              d,
              StatusSource.SYSTEM,
              point,
              flags,
              s.state().bits(),
              null,
              at,
              f.receivedAt,
              f.serial));
    } else if (o instanceof ComponentStatus c) {
      PointRef point =
          PointRef.component(
              c.systemType().code(),
              c.systemAddress(),
              c.componentType().code(),
              c.componentAddress().value());
      Instant at = instant(c.time());
      String description = blankToNull(c.description());
      Set<StateFlag> flags = EnumSet.noneOf(StateFlag.class);
      if (!c.state().has(ComponentStateBit.NORMAL)) {
        flags.add(StateFlag.TEST);
      }
      for (ComponentStateBit b : c.state().set()) {
        StateFlag flag = componentFlag(b);
        if (flag != null) {
          flags.add(flag);
        }
      }
      if (c.state().has(ComponentStateBit.FIRE_ALARM)) {
        f.add(
            i,
            at,
            new FireAlarmRaised(
                d,
                FireAlarmSource.COMPONENT_STATE,
                point,
                description,
                at,
                f.receivedAt,
                f.serial));
      }
      f.add(
          i,
          at,
          new StatusChanged(
              d,
              StatusSource.COMPONENT,
              point,
              flags,
              c.state().bits(),
              description,
              at,
              f.receivedAt,
              f.serial));
    } else if (o instanceof AnalogValue a) {
      Instant at = instant(a.time());
      f.add(
          i,
          at,
          new TelemetryReported(
              d,
              TelemetryKind.ANALOG_VALUE,
              PointRef.component(
                  a.systemType().code(),
                  a.systemAddress(),
                  a.componentType().code(),
                  a.componentAddress().value()),
              new AnalogReading(
                  a.analogType().code(), a.rawValue(), a.engineeringValue(), a.unit()),
              null,
              null,
              at,
              f.receivedAt,
              f.serial));
    } else if (o instanceof FacilityOperation op) {
      PointRef point = PointRef.system(op.systemType().code(), op.systemAddress());
      Instant at = instant(op.time());
      Set<OperationFlag> ops = EnumSet.noneOf(OperationFlag.class);
      for (FacilityOperationBit b : op.operation().set()) {
        ops.add(facilityOperation(b));
      }
      if (op.operation().has(FacilityOperationBit.MANUAL_ALARM)) {
        f.add(
            i,
            at,
            new FireAlarmRaised(
                d, FireAlarmSource.FACILITY_MANUAL_ALARM, point, null, at, f.receivedAt, f.serial));
      }
      f.add(
          i,
          at,
          new OperationRecorded(d, false, point, ops, op.operator(), at, f.receivedAt, f.serial));
    } else if (o instanceof UitdOperation op) {
      Instant at = instant(op.time());
      Set<OperationFlag> ops = EnumSet.noneOf(OperationFlag.class);
      for (UitdOperationBit b : op.operation().set()) {
        ops.add(uitdOperation(b));
      }
      if (op.operation().has(UitdOperationBit.MANUAL_ALARM)) {
        f.add(
            i,
            at,
            new FireAlarmRaised(
                d, FireAlarmSource.UITD_MANUAL_ALARM, null, null, at, f.receivedAt, f.serial));
      }
      f.add(
          i,
          at,
          new OperationRecorded(d, true, null, ops, op.operator(), at, f.receivedAt, f.serial));
    } else if (o instanceof UitdStatus u) {
      Instant at = u.time() == null ? null : instant(u.time());
      Set<StateFlag> flags = EnumSet.noneOf(StateFlag.class);
      if (!u.state().has(UitdStateBit.NORMAL_MONITORING)) {
        flags.add(StateFlag.TEST);
      }
      for (UitdStateBit b : u.state().set()) {
        StateFlag flag = uitdFlag(b);
        if (flag != null) {
          flags.add(flag);
        }
      }
      if (u.state().has(UitdStateBit.FIRE_ALARM)) {
        f.add(
            i,
            at,
            new FireAlarmRaised(
                d, FireAlarmSource.UITD_STATE, null, null, at, f.receivedAt, f.serial));
      }
      f.add(
          i,
          at,
          new StatusChanged(
              d,
              StatusSource.UITD,
              null,
              flags,
              u.state().bits(),
              null,
              at,
              f.receivedAt,
              f.serial));
    } else if (o instanceof FacilitySoftwareVersion v) {
      f.telemetry(
          i,
          TelemetryKind.SOFTWARE_VERSION,
          PointRef.system(v.systemType().code(), v.systemAddress()),
          v.mainVersion() + "." + v.minorVersion(),
          null);
    } else if (o instanceof UitdSoftwareVersion v) {
      f.telemetry(
          i, TelemetryKind.SOFTWARE_VERSION, null, v.mainVersion() + "." + v.minorVersion(), null);
    } else if (o instanceof SystemConfiguration c) {
      f.telemetry(
          i,
          TelemetryKind.CONFIGURATION,
          PointRef.system(c.systemType().code(), c.systemAddress()),
          c.description(),
          null);
    } else if (o instanceof ComponentConfiguration c) {
      f.telemetry(
          i,
          TelemetryKind.CONFIGURATION,
          PointRef.component(
              c.systemType().code(),
              c.systemAddress(),
              c.componentType().code(),
              c.componentAddress().value()),
          c.description(),
          null);
    } else if (o instanceof UitdConfiguration c) {
      f.telemetry(i, TelemetryKind.CONFIGURATION, null, c.description(), null);
    } else if (o instanceof FacilitySystemTime t) {
      f.telemetry(
          i,
          TelemetryKind.CLOCK,
          PointRef.system(t.systemType().code(), t.systemAddress()),
          null,
          t.time());
    } else if (o instanceof UitdSystemTime t) {
      f.telemetry(i, TelemetryKind.CLOCK, null, null, t.time());
    }
  }

  private Instant instant(TimeLabel label) {
    return label.isValid() ? label.dateTime().atZone(deviceZone).toInstant() : null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static StateFlag systemFlag(SystemStateBit b) {
    return switch (b) {
      case NORMAL -> null;
      case FIRE_ALARM -> StateFlag.FIRE_ALARM;
      case FAULT -> StateFlag.FAULT;
      case DISABLED -> StateFlag.DISABLED;
      case SUPERVISORY -> StateFlag.SUPERVISORY;
      case STARTED -> StateFlag.STARTED;
      case FEEDBACK -> StateFlag.FEEDBACK;
      case DELAYED -> StateFlag.DELAY;
      case MAIN_POWER_FAULT -> StateFlag.MAIN_POWER_FAULT;
      case BACKUP_POWER_FAULT -> StateFlag.BACKUP_POWER_FAULT;
      case BUS_FAULT -> StateFlag.BUS_FAULT;
      case MANUAL_MODE -> StateFlag.MANUAL_MODE;
      case CONFIGURATION_CHANGED -> StateFlag.CONFIGURATION_CHANGED;
      case RESET -> StateFlag.RESET;
    };
  }

  private static StateFlag componentFlag(ComponentStateBit b) {
    return switch (b) {
      case NORMAL -> null;
      case FIRE_ALARM -> StateFlag.FIRE_ALARM;
      case FAULT -> StateFlag.FAULT;
      case DISABLED -> StateFlag.DISABLED;
      case SUPERVISORY -> StateFlag.SUPERVISORY;
      case STARTED -> StateFlag.STARTED;
      case FEEDBACK -> StateFlag.FEEDBACK;
      case DELAYED -> StateFlag.DELAY;
      case POWER_FAULT -> StateFlag.POWER_FAULT;
    };
  }

  private static StateFlag uitdFlag(UitdStateBit b) {
    return switch (b) {
      case NORMAL_MONITORING -> null;
      case FIRE_ALARM -> StateFlag.FIRE_ALARM;
      case FAULT -> StateFlag.FAULT;
      case MAIN_POWER_FAULT -> StateFlag.MAIN_POWER_FAULT;
      case BACKUP_POWER_FAULT -> StateFlag.BACKUP_POWER_FAULT;
      case CENTRE_CHANNEL_FAULT -> StateFlag.CENTRE_CHANNEL_FAULT;
      case PANEL_LINK_FAULT -> StateFlag.MONITORING_LINK_FAULT;
    };
  }

  private static OperationFlag facilityOperation(FacilityOperationBit b) {
    return switch (b) {
      case RESET -> OperationFlag.RESET;
      case SILENCE -> OperationFlag.SILENCE;
      case MANUAL_ALARM -> OperationFlag.MANUAL_ALARM;
      case ALARM_CLEARED -> OperationFlag.ALARM_CLEARED;
      case SELF_TEST -> OperationFlag.SELF_TEST;
      case ACKNOWLEDGE -> OperationFlag.ACKNOWLEDGE;
      case TEST -> OperationFlag.TEST;
    };
  }

  private static OperationFlag uitdOperation(UitdOperationBit b) {
    return switch (b) {
      case RESET -> OperationFlag.RESET;
      case SILENCE -> OperationFlag.SILENCE;
      case MANUAL_ALARM -> OperationFlag.MANUAL_ALARM;
      case ALARM_CLEARED -> OperationFlag.ALARM_CLEARED;
      case SELF_TEST -> OperationFlag.SELF_TEST;
      case DUTY_CHECK_REPLY -> OperationFlag.DUTY_CHECK_REPLY;
      case TEST -> OperationFlag.TEST;
    };
  }

  /** Collects the signals of one frame. */
  private final class Frame {
    final DeviceAddress device;
    final int command;
    final int serial;
    final byte[] timeLabel;
    final int typeFlag;
    final Instant receivedAt;
    final List<NormalizedSignal> out = new ArrayList<>(4);

    Frame(DeviceAddress device, FrameHeader header, int typeFlag, Instant receivedAt) {
      this.device = device;
      this.command = header.commandByte();
      this.serial = header.serial();
      this.typeFlag = typeFlag;
      byte[] raw = header.time().raw();
      this.timeLabel = raw != null ? raw : new byte[TimeLabel.LENGTH];
      this.receivedAt = receivedAt;
    }

    void add(int index, Instant occurredAt, DeviceSignal signal) {
      EventType type = EventType.of(signal);
      out.add(
          new NormalizedSignal(
              EventIds.forDeviceObject(device, command, serial, timeLabel, typeFlag, index, type),
              occurredAt != null ? occurredAt : receivedAt,
              signal));
    }

    void telemetry(int index, TelemetryKind kind, PointRef point, String text, TimeLabel clock) {
      add(
          index,
          null,
          new TelemetryReported(
              device,
              kind,
              point,
              null,
              text,
              clock == null ? null : clock.dateTime(),
              null,
              receivedAt,
              serial));
    }
  }
}
