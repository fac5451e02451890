package io.fenghuo.contracts.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A networked unit (联网单位): the building owner or occupant whose facilities report to a monitoring
 * centre. Assigned by the unit-service; 1–64 characters of {@code [A-Za-z0-9_-]} so it can be a
 * Kafka key and part of a URL path without escaping.
 *
 * @param value the identifier; never null
 */
public record UnitId(@JsonValue String value) {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /**
   * @throws IllegalArgumentException if the value is null or breaks the rule; the message names it
   */
  public UnitId {
    Ids.requireMatch("unit id", value, VALID, "1-64 characters of A-Z, a-z, 0-9, '_' and '-'");
  }

  /** Parses a unit id; see the record's rule. */
  @JsonCreator
  public static UnitId of(String value) {
    return new UnitId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
