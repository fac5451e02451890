package io.fenghuo.gb26875.adu;

/**
 * Component type code (部件类型), GB/T 26875.3-2011 §8.2.1.2, table 5 (values checked against the page
 * images; the OCR layer misreads some). Unknown codes are kept as they are.
 *
 * @param code 0–255
 */
public record ComponentType(int code) {

  public static final ComponentType GENERIC = new ComponentType(0);
  public static final ComponentType FIRE_ALARM_CONTROLLER = new ComponentType(1);
  public static final ComponentType MANUAL_CALL_POINT = new ComponentType(23);
  public static final ComponentType SMOKE_DETECTOR = new ComponentType(40);
  public static final ComponentType POINT_PHOTOELECTRIC_SMOKE_DETECTOR = new ComponentType(42);

  private static final String[] LABELS = new String[256];

  static {
    LABELS[0] = "通用";
    LABELS[1] = "火灾报警控制器";
    LABELS[10] = "可燃气体探测器";
    LABELS[11] = "点型可燃气体探测器";
    LABELS[12] = "独立式可燃气体探测器";
    LABELS[13] = "线型可燃气体探测器";
    LABELS[16] = "电气火灾监控报警器";
    LABELS[17] = "剩余电流式电气火灾监控探测器";
    LABELS[18] = "测温式电气火灾监控探测器";
    LABELS[21] = "探测回路";
    LABELS[22] = "火灾显示盘";
    LABELS[23] = "手动火灾报警按钮";
    LABELS[24] = "消火栓按钮";
    LABELS[25] = "火灾探测器";
    LABELS[30] = "感温火灾探测器";
    LABELS[31] = "点型感温火灾探测器";
    LABELS[32] = "点型感温火灾探测器(S型)";
    LABELS[33] = "点型感温火灾探测器(R型)";
    LABELS[34] = "线型感温火灾探测器";
    LABELS[35] = "线型感温火灾探测器(S型)";
    LABELS[36] = "线型感温火灾探测器(R型)";
    LABELS[37] = "光纤感温火灾探测器";
    LABELS[40] = "感烟火灾探测器";
    LABELS[41] = "点型离子感烟火灾探测器";
    LABELS[42] = "点型光电感烟火灾探测器";
    LABELS[43] = "线型光束感烟火灾探测器";
    LABELS[44] = "吸气式感烟火灾探测器";
    LABELS[50] = "复合式火灾探测器";
    LABELS[51] = "复合式感烟感温火灾探测器";
    LABELS[52] = "复合式感光感温火灾探测器";
    LABELS[53] = "复合式感光感烟火灾探测器";
    LABELS[61] = "紫外火焰探测器";
    LABELS[62] = "红外火焰探测器";
    LABELS[69] = "感光火灾探测器";
    LABELS[74] = "气体探测器";
    LABELS[78] = "图像摄像方式火灾探测器";
    LABELS[79] = "感声火灾探测器";
    LABELS[81] = "气体灭火控制器";
    LABELS[82] = "消防电气控制装置";
    LABELS[83] = "消防控制室图形显示装置";
    LABELS[84] = "模块";
    LABELS[85] = "输入模块";
    LABELS[86] = "输出模块";
    LABELS[87] = "输入/输出模块";
    LABELS[88] = "中继模块";
    LABELS[91] = "消防水泵";
    LABELS[92] = "消防水箱";
    LABELS[95] = "喷淋泵";
    LABELS[96] = "水流指示器";
    LABELS[97] = "信号阀";
    LABELS[98] = "报警阀";
    LABELS[99] = "压力开关";
    LABELS[101] = "阀驱动装置";
    LABELS[102] = "防火门";
    LABELS[103] = "防火阀";
    LABELS[104] = "通风空调";
    LABELS[105] = "泡沫液泵";
    LABELS[106] = "管网电磁阀";
    LABELS[111] = "防烟排烟风机";
    LABELS[113] = "排烟防火阀";
    LABELS[114] = "常闭送风口";
    LABELS[115] = "排烟口";
    LABELS[116] = "电控挡烟垂壁";
    LABELS[117] = "防火卷帘控制器";
    LABELS[118] = "防火门监控器";
    LABELS[121] = "警报装置";
  }

  private static final ComponentType[] CACHE = new ComponentType[256];

  static {
    for (int i = 0; i < CACHE.length; i++) {
      CACHE[i] = new ComponentType(i);
    }
  }

  /**
   * The shared instance for a code.
   *
   * @throws IllegalArgumentException if {@code code} is not 0–255
   */
  public static ComponentType of(int code) {
    WireRanges.checkByte("code", code);
    return CACHE[code];
  }

  /**
   * @throws IllegalArgumentException if {@code code} is not 0–255
   */
  public ComponentType {
    WireRanges.checkByte("component type", code);
  }

  /** The table-5 name, {@code "用户自定义"} for 128–255, {@code "预留"} otherwise. */
  public String label() {
    return WireRanges.label(LABELS, code);
  }
}
