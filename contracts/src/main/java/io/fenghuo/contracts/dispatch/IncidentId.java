package io.fenghuo.contracts.dispatch;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.fenghuo.contracts.id.AlarmId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * One fire incident forwarded to the 119 command centre: the record key of {@code
 * fire.119.incident} and {@code fire.119.receipt}. It is derived from the alarm id ({@link
 * #forAlarm(AlarmId)}), so every instance of the dispatch-119 service, before and after a restart,
 * gives an alarm the same incident: one alarm, one incident.
 *
 * @param value the identifier; never null
 */
public record IncidentId(UUID value) {

  /**
   * @throws IllegalArgumentException if the value is null
   */
  public IncidentId {
    if (value == null) {
      throw new IllegalArgumentException("incident id must not be null");
    }
  }

  /**
   * The incident of an alarm: a name-based UUID of the alarm id.
   *
   * @throws NullPointerException if the alarm is null
   */
  public static IncidentId forAlarm(AlarmId alarm) {
    Objects.requireNonNull(alarm, "alarm");
    return new IncidentId(
        UUID.nameUUIDFromBytes(
            ("fenghuo/119-incident/" + alarm.value()).getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * Parses the canonical UUID text form.
   *
   * @throws IllegalArgumentException if the text is null or not a UUID; the message names it
   */
  @JsonCreator
  public static IncidentId of(String text) {
    if (text == null) {
      throw new IllegalArgumentException("incident id must not be null");
    }
    try {
      return new IncidentId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      String shown = text.length() <= 64 ? text : text.substring(0, 61) + "...";
      throw new IllegalArgumentException(
          "incident id '" + shown + "' is invalid: expected a UUID", e);
    }
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toString();
  }
}
