package io.fenghuo.contracts.topic;

import io.fenghuo.contracts.id.OperatorId;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kafka topic of the platform. Built and parsed only by {@link TopicNames}; {@link #toString()}
 * gives the topic string.
 *
 * @param stream the stream; never null
 * @param operator the tenant for {@link Scope#OPERATOR} streams, null for the others
 * @param deadLetter whether this is the stream's dead-letter topic (suffix {@code .dlt}), which
 *     stays inside the same namespace so the tenant's ACL covers it
 */
public record TopicName(Stream stream, OperatorId operator, boolean deadLetter) {

  /** Suffix of dead-letter topics. */
  public static final String DEAD_LETTER_SUFFIX = ".dlt";

  /**
   * @throws IllegalArgumentException if the operator is missing for an operator stream or present
   *     for another scope
   */
  public TopicName {
    Objects.requireNonNull(stream, "stream");
    if ((stream.scope() == Scope.OPERATOR) != (operator != null)) {
      throw new IllegalArgumentException(
          "stream "
              + stream
              + (operator == null ? " needs an operator id" : " does not take an operator id"));
    }
  }

  /** The tenant, if this is an operator stream. */
  public Optional<OperatorId> operatorId() {
    return Optional.ofNullable(operator);
  }

  /** The dead-letter topic of this topic (itself if it is one already). */
  public TopicName deadLetterTopic() {
    return new TopicName(stream, operator, true);
  }

  /** The Kafka topic string, e.g. {@code fire.op.op-a.signal.alarm}. */
  @Override
  public String toString() {
    StringBuilder name = new StringBuilder(64).append(stream.scope().prefix());
    if (operator != null) {
      name.append(operator.value()).append('.');
    }
    name.append(stream.streamName());
    if (deadLetter) {
      name.append(DEAD_LETTER_SUFFIX);
    }
    return name.toString();
  }
}
