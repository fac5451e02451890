package io.fenghuo.contracts.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A tenant: one operator company (运营服务机构) running a monitoring centre. It is the second segment of
 * every tenant topic ({@code fire.op.<operatorId>.…}), so it must be safe inside a Kafka topic name
 * and a prefixed ACL: 2–32 characters of {@code [a-z0-9-]}, not starting or ending with a hyphen.
 *
 * @param value the identifier; never null
 */
public record OperatorId(@JsonValue String value) {

  /** The rule, as a regular expression fragment, shared with {@code TopicNames}. */
  public static final String PATTERN = "[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])";

  private static final Pattern VALID = Pattern.compile(PATTERN);

  /**
   * @throws IllegalArgumentException if the value is null or breaks the rule; the message names it
   */
  public OperatorId {
    Ids.requireMatch(
        "operator id",
        value,
        VALID,
        "2-32 characters of a-z, 0-9 and '-', not starting or ending with '-'");
  }

  /** Parses an operator id; see the record's rule. */
  @JsonCreator
  public static OperatorId of(String value) {
    return new OperatorId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
