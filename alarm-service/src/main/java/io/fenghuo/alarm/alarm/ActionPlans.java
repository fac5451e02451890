package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.unit.UnitCategory;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The default action plans (处置预案) per unit category, until an operator edits its own. */
public final class ActionPlans {

  private static final List<String> COMMON =
      List.of(
          "认领警情，查看单位信息、点位位置和历史误报情况",
          "按顺序致电联系人（先消防控制室），请其到现场核实",
          "记录每次通话结果（接通 / 无人接听 / 占线）",
          "现场确认有火：立即确认为真实火警，填写起火部位、燃烧物质、火势、报警人及电话",
          "确认为误报：选择原因（粉尘、水汽、施工维保、设备故障、其他）并提醒单位复位");

  private static final Map<UnitCategory, List<String>> DEFAULTS = new EnumMap<>(UnitCategory.class);

  static {
    DEFAULTS.put(UnitCategory.KEY_UNIT, concat("重点单位：同时通知消防安全管理人；联系不上时立即上报值班主管"));
    DEFAULTS.put(UnitCategory.CROWDED_PLACE, concat("人员密集场所：询问人员疏散情况并告知119；联系不上时立即上报值班主管"));
    DEFAULTS.put(UnitCategory.FLAMMABLE_EXPLOSIVE, concat("易燃易爆单位：询问危险品种类和数量，确认后立即转119并注明"));
    DEFAULTS.put(UnitCategory.OTHER, COMMON);
  }

  private ActionPlans() {}

  /** The default plan of a category. */
  public static List<String> defaults(UnitCategory category) {
    return DEFAULTS.get(category);
  }

  /** Validates steps for saving. */
  public static List<String> validated(List<String> steps) {
    if (steps == null || steps.isEmpty()) {
      throw new AlarmException.Invalid("steps", "at least one step is required");
    }
    if (steps.size() > 50) {
      throw new AlarmException.Invalid("steps", "at most 50 steps");
    }
    for (int i = 0; i < steps.size(); i++) {
      String s = steps.get(i);
      if (s == null || s.isBlank()) {
        throw new AlarmException.Invalid("steps[" + i + "]", "must not be blank");
      }
      if (s.length() > 500) {
        throw new AlarmException.Invalid("steps[" + i + "]", "at most 500 characters");
      }
    }
    return List.copyOf(steps);
  }

  private static List<String> concat(String extra) {
    return java.util.stream.Stream.concat(COMMON.stream(), java.util.stream.Stream.of(extra))
        .toList();
  }
}
