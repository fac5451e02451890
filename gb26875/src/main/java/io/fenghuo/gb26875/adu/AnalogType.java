package io.fenghuo.gb26875.adu;

import java.math.BigDecimal;

/**
 * Analog value type (模拟量类型), GB/T 26875.3-2011 §8.2.1.3, table 6. Engineering value = raw value ×
 * minimum unit.
 *
 * <pre>
 * type  meaning            unit     minimum unit
 * 0     unused             -        -
 * 1     event count        件        1
 * 2     height             m        0.01
 * 3     temperature        ℃        0.1
 * 4     pressure           MPa      0.1
 * 5     pressure           kPa      0.1
 * 6     gas concentration  %LEL     0.1
 * 7     time               s        1
 * 8     voltage            V        0.1
 * 9     current            A        0.1
 * 10    flow               L/s      0.1
 * 11    air volume         m³/min   0.1
 * 12    air speed          m/s      1
 * 13–127 reserved, 128–255 user-defined: no unit, scale 1
 * </pre>
 *
 * @param code 0–255
 */
public record AnalogType(int code) {

  public static final AnalogType UNUSED = new AnalogType(0);
  public static final AnalogType EVENT_COUNT = new AnalogType(1);
  public static final AnalogType HEIGHT = new AnalogType(2);
  public static final AnalogType TEMPERATURE = new AnalogType(3);
  public static final AnalogType PRESSURE_MPA = new AnalogType(4);
  public static final AnalogType PRESSURE_KPA = new AnalogType(5);
  public static final AnalogType GAS_CONCENTRATION = new AnalogType(6);
  public static final AnalogType TIME = new AnalogType(7);
  public static final AnalogType VOLTAGE = new AnalogType(8);
  public static final AnalogType CURRENT = new AnalogType(9);
  public static final AnalogType FLOW = new AnalogType(10);
  public static final AnalogType AIR_VOLUME = new AnalogType(11);
  public static final AnalogType AIR_SPEED = new AnalogType(12);

  private static final String[] LABELS = {
    "未用", "事件计数", "高度", "温度", "压力", "压力", "气体浓度", "时间", "电压", "电流", "流量", "风量", "风速"
  };
  private static final String[] UNITS = {
    null, "件", "m", "℃", "MPa", "kPa", "%LEL", "s", "V", "A", "L/s", "m³/min", "m/s"
  };
  private static final BigDecimal TENTH = new BigDecimal("0.1");
  private static final BigDecimal[] SCALES = {
    BigDecimal.ONE,
    BigDecimal.ONE,
    new BigDecimal("0.01"),
    TENTH,
    TENTH,
    TENTH,
    TENTH,
    BigDecimal.ONE,
    TENTH,
    TENTH,
    TENTH,
    TENTH,
    BigDecimal.ONE
  };

  private static final AnalogType[] CACHE = new AnalogType[256];

  static {
    for (int i = 0; i < CACHE.length; i++) {
      CACHE[i] = new AnalogType(i);
    }
  }

  /**
   * The shared instance for a code.
   *
   * @throws IllegalArgumentException if {@code code} is not 0–255
   */
  public static AnalogType of(int code) {
    WireRanges.checkByte("code", code);
    return CACHE[code];
  }

  /**
   * @throws IllegalArgumentException if {@code code} is not 0–255
   */
  public AnalogType {
    WireRanges.checkByte("analog type", code);
  }

  /** True for the types table 6 defines (0–12). */
  public boolean isDefined() {
    return code < LABELS.length;
  }

  /** The table-6 name, {@code "用户自定义"} for 128–255, {@code "预留"} otherwise. */
  public String label() {
    return isDefined() ? LABELS[code] : code >= 128 ? "用户自定义" : "预留";
  }

  /** The unit, or {@code null} for unused, reserved and user-defined types. */
  public String unit() {
    return isDefined() ? UNITS[code] : null;
  }

  /** The minimum unit (最小计量单位); 1 for types without one. */
  public BigDecimal minimumUnit() {
    return isDefined() ? SCALES[code] : BigDecimal.ONE;
  }

  /** {@code raw × minimumUnit()}, exact. */
  public BigDecimal scale(int raw) {
    return minimumUnit().multiply(BigDecimal.valueOf(raw));
  }
}
