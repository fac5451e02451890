package io.fenghuo.simulator.device;

import io.fenghuo.gb26875.adu.ComponentStateBit;
import io.fenghuo.gb26875.adu.SystemStateBit;

/**
 * A condition a point can be in, mapped to the component state bit (§8.2.1.2, fig. 7) and the
 * system state bit (§8.2.1.1, fig. 6) that carry it. The two bit fields differ: a component has one
 * power fault bit, a system separate main, backup and bus fault bits.
 */
public enum Condition {
  FIRE(ComponentStateBit.FIRE_ALARM, SystemStateBit.FIRE_ALARM),
  FAULT(ComponentStateBit.FAULT, SystemStateBit.FAULT),
  DISABLED(ComponentStateBit.DISABLED, SystemStateBit.DISABLED),
  SUPERVISORY(ComponentStateBit.SUPERVISORY, SystemStateBit.SUPERVISORY),
  STARTED(ComponentStateBit.STARTED, SystemStateBit.STARTED),
  FEEDBACK(ComponentStateBit.FEEDBACK, SystemStateBit.FEEDBACK),
  DELAYED(ComponentStateBit.DELAYED, SystemStateBit.DELAYED),
  MAIN_POWER_FAULT(ComponentStateBit.POWER_FAULT, SystemStateBit.MAIN_POWER_FAULT),
  BACKUP_POWER_FAULT(ComponentStateBit.POWER_FAULT, SystemStateBit.BACKUP_POWER_FAULT),
  BUS_FAULT(ComponentStateBit.FAULT, SystemStateBit.BUS_FAULT);

  private final ComponentStateBit componentBit;
  private final SystemStateBit systemBit;

  Condition(ComponentStateBit componentBit, SystemStateBit systemBit) {
    this.componentBit = componentBit;
    this.systemBit = systemBit;
  }

  /** The bit of the component state field. */
  public ComponentStateBit componentBit() {
    return componentBit;
  }

  /** The bit of the system state field. */
  public SystemStateBit systemBit() {
    return systemBit;
  }

  /** What an upload reporting this condition appearing ({@code on}) or clearing is counted as. */
  public UploadKind kind(boolean on) {
    return switch (this) {
      case FIRE -> on ? UploadKind.FIRE : UploadKind.RESET;
      case FAULT, BUS_FAULT -> on ? UploadKind.FAULT : UploadKind.RECOVERY;
      case DISABLED -> on ? UploadKind.DISABLE : UploadKind.ENABLE;
      case MAIN_POWER_FAULT, BACKUP_POWER_FAULT ->
          on ? UploadKind.POWER_FAULT : UploadKind.POWER_RESTORED;
      default -> UploadKind.STATE_CHANGE;
    };
  }
}
