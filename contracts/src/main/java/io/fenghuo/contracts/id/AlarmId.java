package io.fenghuo.contracts.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * One alarm (警情) as the alarm-service opens it: several fire points of one unit within the grouping
 * window share an alarm.
 *
 * @param value the identifier; never null
 */
public record AlarmId(UUID value) {

  /**
   * @throws IllegalArgumentException if the value is null
   */
  public AlarmId {
    if (value == null) {
      throw new IllegalArgumentException("alarm id must not be null");
    }
  }

  /** A fresh random alarm id. */
  public static AlarmId random() {
    return new AlarmId(UUID.randomUUID());
  }

  /**
   * Parses the canonical UUID text form.
   *
   * @throws IllegalArgumentException if the text is null or not a UUID; the message names it
   */
  @JsonCreator
  public static AlarmId of(String text) {
    if (text == null) {
      throw new IllegalArgumentException("alarm id must not be null");
    }
    try {
      return new AlarmId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "alarm id '" + Ids.abbreviate(text) + "' is invalid: expected a UUID", e);
    }
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toString();
  }
}
