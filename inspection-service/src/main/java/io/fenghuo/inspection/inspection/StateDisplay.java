package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.fault.FaultKind;
import io.fenghuo.contracts.signal.StateFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the board shows a state: the dominant condition with its colour, and every condition as
 * Chinese text (GB 25506 control-room conventions: fire red, supervisory and linkage orange/blue,
 * faults yellow, disabled grey).
 */
public final class StateDisplay {

  /** The dominant condition, its colour name and the text. */
  public record Shown(String state, String colour, String text) {}

  /** Conditions in order of precedence, with colour. */
  private static final List<Map.Entry<StateFlag, String>> ORDER =
      List.of(
          Map.entry(StateFlag.FIRE_ALARM, "red"),
          Map.entry(StateFlag.SUPERVISORY, "orange"),
          Map.entry(StateFlag.FAULT, "yellow"),
          Map.entry(StateFlag.BUS_FAULT, "yellow"),
          Map.entry(StateFlag.MAIN_POWER_FAULT, "yellow"),
          Map.entry(StateFlag.BACKUP_POWER_FAULT, "yellow"),
          Map.entry(StateFlag.POWER_FAULT, "yellow"),
          Map.entry(StateFlag.CENTRE_CHANNEL_FAULT, "yellow"),
          Map.entry(StateFlag.MONITORING_LINK_FAULT, "yellow"),
          Map.entry(StateFlag.DISABLED, "grey"),
          Map.entry(StateFlag.STARTED, "blue"),
          Map.entry(StateFlag.FEEDBACK, "blue"),
          Map.entry(StateFlag.DELAY, "blue"),
          Map.entry(StateFlag.MANUAL_MODE, "blue"),
          Map.entry(StateFlag.TEST, "purple"),
          Map.entry(StateFlag.CONFIGURATION_CHANGED, "green"),
          Map.entry(StateFlag.RESET, "green"));

  private static final Map<StateFlag, String> TEXT =
      Map.ofEntries(
          Map.entry(StateFlag.TEST, "测试"),
          Map.entry(StateFlag.FIRE_ALARM, "火警"),
          Map.entry(StateFlag.FAULT, "故障"),
          Map.entry(StateFlag.DISABLED, "屏蔽"),
          Map.entry(StateFlag.SUPERVISORY, "监管"),
          Map.entry(StateFlag.STARTED, "启动"),
          Map.entry(StateFlag.FEEDBACK, "反馈"),
          Map.entry(StateFlag.DELAY, "延时"),
          Map.entry(StateFlag.MAIN_POWER_FAULT, "主电故障"),
          Map.entry(StateFlag.BACKUP_POWER_FAULT, "备电故障"),
          Map.entry(StateFlag.BUS_FAULT, "总线故障"),
          Map.entry(StateFlag.MANUAL_MODE, "手动"),
          Map.entry(StateFlag.CONFIGURATION_CHANGED, "配置改变"),
          Map.entry(StateFlag.RESET, "复位"),
          Map.entry(StateFlag.POWER_FAULT, "电源故障"),
          Map.entry(StateFlag.CENTRE_CHANNEL_FAULT, "通信信道故障"),
          Map.entry(StateFlag.MONITORING_LINK_FAULT, "监测线路故障"));

  private static final Map<FaultKind, String> KIND_TEXT =
      Map.ofEntries(
          Map.entry(FaultKind.POINT_FAULT, "部件故障"),
          Map.entry(FaultKind.POINT_POWER_FAULT, "部件电源故障"),
          Map.entry(FaultKind.POINT_DISABLED, "部件屏蔽"),
          Map.entry(FaultKind.SYSTEM_FAULT, "系统故障"),
          Map.entry(FaultKind.SYSTEM_DISABLED, "系统屏蔽"),
          Map.entry(FaultKind.MAIN_POWER_FAULT, "主电故障"),
          Map.entry(FaultKind.BACKUP_POWER_FAULT, "备电故障"),
          Map.entry(FaultKind.BUS_FAULT, "总线故障"),
          Map.entry(FaultKind.UITD_FAULT, "传输装置故障"),
          Map.entry(FaultKind.UITD_POWER_FAULT, "传输装置电源故障"),
          Map.entry(FaultKind.UITD_LINK_FAULT, "传输装置线路故障"),
          Map.entry(FaultKind.COMMUNICATION_FAULT, "通信故障"));

  private StateDisplay() {}

  /** The display of a set of conditions; no condition is NORMAL, green, 正常. */
  public static Shown of(Set<StateFlag> flags) {
    String state = "NORMAL";
    String colour = "green";
    for (Map.Entry<StateFlag, String> e : ORDER) {
      if (flags.contains(e.getKey())) {
        state = e.getKey().name();
        colour = e.getValue();
        break;
      }
    }
    List<String> words = new ArrayList<>();
    for (Map.Entry<StateFlag, String> e : ORDER) {
      if (flags.contains(e.getKey())) {
        words.add(TEXT.get(e.getKey()));
      }
    }
    return new Shown(state, colour, words.isEmpty() ? "正常" : String.join("、", words));
  }

  /** The Chinese name of a fault kind. */
  public static String of(FaultKind kind) {
    return KIND_TEXT.get(kind);
  }
}
