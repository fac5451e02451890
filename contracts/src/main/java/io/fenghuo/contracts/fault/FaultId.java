package io.fenghuo.contracts.fault;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One fault record (故障记录) as the inspection-service opens it: a fault, disable or power fault of
 * one system, component or UITD, or a UITD's communication fault, followed until it is repaired.
 *
 * @param value the identifier; never null
 */
public record FaultId(UUID value) {

  /**
   * @throws IllegalArgumentException if the value is null
   */
  public FaultId {
    if (value == null) {
      throw new IllegalArgumentException("fault id must not be null");
    }
  }

  /**
   * The id of the fault a signal opens: name-based on the signal's id and the fault kind, so that a
   * redelivered signal names the same fault.
   *
   * @throws NullPointerException if an argument is null
   */
  public static FaultId forSignal(String signalId, FaultKind kind) {
    return new FaultId(
        UUID.nameUUIDFromBytes(
            ("fault/" + signalId + "/" + kind.name()).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Parses the canonical UUID text form.
   *
   * @throws IllegalArgumentException if the text is null or not a UUID; the message names it
   */
  @JsonCreator
  public static FaultId of(String text) {
    if (text == null) {
      throw new IllegalArgumentException("fault id must not be null");
    }
    try {
      return new FaultId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      String shown = text.length() <= 64 ? text : text.substring(0, 61) + "...";
      throw new IllegalArgumentException("fault id '" + shown + "' is invalid: expected a UUID", e);
    }
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toString();
  }
}
