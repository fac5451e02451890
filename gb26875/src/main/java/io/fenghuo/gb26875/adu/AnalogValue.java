package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Type 3 object: component analog value with its sampling time (§8.2.1.3 fig. 8, §8.3.1.3 fig. 20).
 * 16 bytes.
 *
 * <pre>
 * +------+------+-----------+-------------------+--------+----------------+-------+
 * | sys  | sys  | component | component address | analog | analog value   | time  |
 * | type | addr | type      | uint32 LE         | type   | int16 LE       | label |
 * | 1    | 1    | 1         | 4                 | 1      | 2              | 6     |
 * +------+------+-----------+-------------------+--------+----------------+-------+
 * </pre>
 *
 * @param systemType not null
 * @param systemAddress 0–255
 * @param componentType not null
 * @param componentAddress not null
 * @param analogType not null; table 6
 * @param rawValue the signed wire value, −32768…32767
 * @param time not null
 */
public record AnalogValue(
    SystemType systemType,
    int systemAddress,
    ComponentType componentType,
    ComponentAddress componentAddress,
    AnalogType analogType,
    int rawValue,
    TimeLabel time)
    implements InformationObject {

  public AnalogValue {
    Objects.requireNonNull(systemType, "systemType");
    WireRanges.checkByte("system address", systemAddress);
    Objects.requireNonNull(componentType, "componentType");
    Objects.requireNonNull(componentAddress, "componentAddress");
    Objects.requireNonNull(analogType, "analogType");
    if (rawValue < Short.MIN_VALUE || rawValue > Short.MAX_VALUE) {
      throw new IllegalArgumentException("analog value is an int16: " + rawValue);
    }
    Objects.requireNonNull(time, "time");
  }

  /** {@code rawValue × minimum unit} of table 6, e.g. raw 235 of type 3 is 23.5 ℃. */
  public BigDecimal engineeringValue() {
    return analogType.scale(rawValue);
  }

  /** The table-6 unit, or {@code null} for types without one. */
  public String unit() {
    return analogType.unit();
  }
}
