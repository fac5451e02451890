package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.fault.FaultKind;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.signal.StatusSource;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which fault conditions a reported state shows (GB/T 26875.3 §8.2.1): by the reporting object
 * (system, component, UITD) and its state bits. A kind holds while any of its flags is present.
 */
public final class FaultRules {

  private static final Map<FaultKind, Set<StateFlag>> COMPONENT =
      Map.of(
          FaultKind.POINT_FAULT, EnumSet.of(StateFlag.FAULT),
          FaultKind.POINT_POWER_FAULT, EnumSet.of(StateFlag.POWER_FAULT),
          FaultKind.POINT_DISABLED, EnumSet.of(StateFlag.DISABLED));

  private static final Map<FaultKind, Set<StateFlag>> SYSTEM =
      Map.of(
          FaultKind.SYSTEM_FAULT, EnumSet.of(StateFlag.FAULT),
          FaultKind.SYSTEM_DISABLED, EnumSet.of(StateFlag.DISABLED),
          FaultKind.MAIN_POWER_FAULT, EnumSet.of(StateFlag.MAIN_POWER_FAULT),
          FaultKind.BACKUP_POWER_FAULT, EnumSet.of(StateFlag.BACKUP_POWER_FAULT),
          FaultKind.BUS_FAULT, EnumSet.of(StateFlag.BUS_FAULT));

  private static final Map<FaultKind, Set<StateFlag>> UITD =
      Map.of(
          FaultKind.UITD_FAULT, EnumSet.of(StateFlag.FAULT),
          FaultKind.UITD_POWER_FAULT,
              EnumSet.of(StateFlag.MAIN_POWER_FAULT, StateFlag.BACKUP_POWER_FAULT),
          FaultKind.UITD_LINK_FAULT,
              EnumSet.of(StateFlag.CENTRE_CHANNEL_FAULT, StateFlag.MONITORING_LINK_FAULT));

  private FaultRules() {}

  /** The fault kinds the object's state shows now. */
  public static Set<FaultKind> holding(StatusSource source, Set<StateFlag> flags) {
    Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
    for (Map.Entry<FaultKind, Set<StateFlag>> rule : rules(source).entrySet()) {
      for (StateFlag f : rule.getValue()) {
        if (flags.contains(f)) {
          kinds.add(rule.getKey());
          break;
        }
      }
    }
    return kinds;
  }

  /** The fault kinds an object of this source can report (and so can recover from). */
  public static Set<FaultKind> reportable(StatusSource source) {
    return rules(source).keySet();
  }

  /**
   * The component fault kind that a system's state summarises: a system state without the fault (or
   * disabled) bit says none of its components is in fault (or disabled). Null if none.
   */
  public static FaultKind componentKindSummarisedBy(StateFlag systemFlag) {
    return switch (systemFlag) {
      case FAULT -> FaultKind.POINT_FAULT;
      case DISABLED -> FaultKind.POINT_DISABLED;
      default -> null;
    };
  }

  /** Whether a fault kind makes the points it covers abnormal for the integrity rate. */
  public static boolean coversPoints(FaultKind kind) {
    return kind != FaultKind.UITD_FAULT && kind != FaultKind.UITD_POWER_FAULT;
  }

  /** Whether a fault of this kind covers every point of its device (not of one system only). */
  public static boolean coversDevice(FaultKind kind) {
    return kind == FaultKind.COMMUNICATION_FAULT || kind == FaultKind.UITD_LINK_FAULT;
  }

  private static Map<FaultKind, Set<StateFlag>> rules(StatusSource source) {
    return switch (source) {
      case COMPONENT -> COMPONENT;
      case SYSTEM -> SYSTEM;
      case UITD -> UITD;
    };
  }
}
