package io.fenghuo.contracts.topic;

import io.fenghuo.contracts.id.OperatorId;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The only place topic names are built (ARCHITECTURE.md §3). Names are tenant-first, {@code
 * fire.op.<operatorId>.<stream>}, so that one prefixed Kafka ACL on {@code fire.op.<operatorId>.}
 * covers a tenant's whole namespace; region-wide streams are {@code fire.region.<stream>} and the
 * 119 boundary is {@code fire.119.<stream>}.
 */
public final class TopicNames {

  private static final Pattern NAME =
      Pattern.compile(
          "fire\\.(?:op\\.(?<op>"
              + OperatorId.PATTERN
              + ")\\.|(?<scope>region|119)\\.)(?<stream>[a-z0-9.-]+?)(?<dlt>\\.dlt)?");

  private TopicNames() {}

  /**
   * The topic of an operator stream.
   *
   * @throws IllegalArgumentException if the stream is not an operator stream
   * @throws NullPointerException if an argument is null
   */
  public static TopicName of(OperatorId operator, Stream stream) {
    return new TopicName(stream, java.util.Objects.requireNonNull(operator, "operator"), false);
  }

  /**
   * The topic of a region-wide or 119 stream.
   *
   * @throws IllegalArgumentException if the stream is an operator stream
   */
  public static TopicName of(Stream stream) {
    return new TopicName(stream, null, false);
  }

  /** The prefix a tenant's ACLs are granted on, e.g. {@code fire.op.op-a.}. */
  public static String operatorPrefix(OperatorId operator) {
    return Scope.OPERATOR.prefix() + operator.value() + ".";
  }

  /**
   * The subscription pattern for one operator stream of every tenant, for services that run for all
   * tenants; a new operator's topic is picked up without restart. Dead-letter topics do not match.
   *
   * @throws IllegalArgumentException if the stream is not an operator stream
   */
  public static Pattern allOperators(Stream stream) {
    if (stream.scope() != Scope.OPERATOR) {
      throw new IllegalArgumentException(stream + " is not an operator stream");
    }
    return Pattern.compile(
        Pattern.quote(Scope.OPERATOR.prefix())
            + OperatorId.PATTERN
            + Pattern.quote("." + stream.streamName()));
  }

  /**
   * Parses a topic string back into its parts.
   *
   * @return empty if the string is null or not a Fenghuo topic
   */
  public static Optional<TopicName> parse(String topic) {
    if (topic == null) {
      return Optional.empty();
    }
    var m = NAME.matcher(topic);
    if (!m.matches()) {
      return Optional.empty();
    }
    Scope scope =
        m.group("op") != null
            ? Scope.OPERATOR
            : "region".equals(m.group("scope")) ? Scope.REGION : Scope.CENTRE_119;
    String streamName = m.group("stream");
    boolean deadLetter = m.group("dlt") != null;
    return Arrays.stream(Stream.values())
        .filter(s -> s.scope() == scope && s.streamName().equals(streamName))
        .findFirst()
        .map(
            s ->
                new TopicName(
                    s, m.group("op") == null ? null : new OperatorId(m.group("op")), deadLetter));
  }

  /**
   * Parses a topic string that must be a Fenghuo topic.
   *
   * @throws IllegalArgumentException naming the topic and the known streams, if it is not one
   */
  public static TopicName parseRequired(String topic) {
    return parse(topic)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "'"
                        + topic
                        + "' is not a Fenghuo topic; expected fire.op.<operator>.<stream>,"
                        + " fire.region.<stream> or fire.119.<stream> with a stream of "
                        + Arrays.stream(Stream.values())
                            .map(Stream::streamName)
                            .collect(Collectors.joining(", "))));
  }
}
