package io.fenghuo.gb26875.adu;

/**
 * System type code (系统类型标志), GB/T 26875.3-2011 §8.2.1.1, table 4. Unknown codes (reserved 2–9 and
 * 25–127, user-defined 128–255) are kept as they are.
 *
 * @param code 0–255
 */
public record SystemType(int code) {

  public static final SystemType GENERIC = new SystemType(0);
  public static final SystemType FIRE_ALARM_SYSTEM = new SystemType(1);
  public static final SystemType LINKAGE_CONTROLLER = new SystemType(10);

  private static final String[] LABELS = new String[256];

  static {
    LABELS[0] = "通用";
    LABELS[1] = "火灾报警系统";
    LABELS[10] = "消防联动控制器";
    LABELS[11] = "消火栓系统";
    LABELS[12] = "自动喷水灭火系统";
    LABELS[13] = "气体灭火系统";
    LABELS[14] = "水喷雾灭火系统(泵启动方式)";
    LABELS[15] = "水喷雾灭火系统(压力容器启动方式)";
    LABELS[16] = "泡沫灭火系统";
    LABELS[17] = "干粉灭火系统";
    LABELS[18] = "防烟排烟系统";
    LABELS[19] = "防火门及卷帘系统";
    LABELS[20] = "消防电梯";
    LABELS[21] = "消防应急广播";
    LABELS[22] = "消防应急照明和疏散指示系统";
    LABELS[23] = "消防电源";
    LABELS[24] = "消防电话";
  }

  private static final SystemType[] CACHE = new SystemType[256];

  static {
    for (int i = 0; i < CACHE.length; i++) {
      CACHE[i] = new SystemType(i);
    }
  }

  /**
   * The shared instance for a code.
   *
   * @throws IllegalArgumentException if {@code code} is not 0–255
   */
  public static SystemType of(int code) {
    WireRanges.checkByte("code", code);
    return CACHE[code];
  }

  /**
   * @throws IllegalArgumentException if {@code code} is not 0–255
   */
  public SystemType {
    WireRanges.checkByte("system type", code);
  }

  /** The table-4 name, {@code "用户自定义"} for 128–255, {@code "预留"} otherwise. */
  public String label() {
    return WireRanges.label(LABELS, code);
  }
}
