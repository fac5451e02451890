package io.fenghuo.contracts.signal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A component analog value (GB/T 26875.3 fig. 8, table 6): the raw signed 16-bit value and, for the
 * standard analog types 1–12, the engineering value (raw × minimum unit) and its unit.
 *
 * @param analogType analog type code, 0–255
 * @param raw the raw value, −32768…32767
 * @param value the engineering value; null for unused, reserved and user-defined types
 * @param unit the unit (e.g. {@code MPa}, {@code ℃}); null when {@code value} is null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalogReading(int analogType, int raw, BigDecimal value, String unit) {

  /**
   * @throws IllegalArgumentException if the type or raw value is out of range
   */
  public AnalogReading {
    if (analogType < 0 || analogType > 255) {
      throw new IllegalArgumentException("analog type " + analogType + " is out of range 0..255");
    }
    if (raw < Short.MIN_VALUE || raw > Short.MAX_VALUE) {
      throw new IllegalArgumentException("raw analog value " + raw + " does not fit 16 bits");
    }
  }
}
