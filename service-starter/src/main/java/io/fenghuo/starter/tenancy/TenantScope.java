package io.fenghuo.starter.tenancy;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Scope;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicName;
import io.fenghuo.contracts.topic.TopicNames;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which operators (tenants) this service instance serves (ARCHITECTURE.md §3): all of them through
 * pattern subscriptions, or exactly one, with that operator's own Kafka principal, whose ACLs are
 * prefixed on {@code fire.op.<operatorId>.}. Listeners subscribe with {@link #topicPattern(String)}
 * and check every record's tenant with {@link #operatorOf(String)}.
 */
public final class TenantScope {

  private final OperatorId operator;
  private final String serviceName;

  private TenantScope(OperatorId operator, String serviceName) {
    this.operator = operator;
    this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
  }

  /** Serves every operator. */
  public static TenantScope allOperators(String serviceName) {
    return new TenantScope(null, serviceName);
  }

  /** Serves one operator only. */
  public static TenantScope singleOperator(OperatorId operator, String serviceName) {
    return new TenantScope(Objects.requireNonNull(operator, "operator"), serviceName);
  }

  /** The one operator served, or empty when serving all. */
  public Optional<OperatorId> operator() {
    return Optional.ofNullable(operator);
  }

  /** Whether records of this operator are this instance's to process. */
  public boolean covers(OperatorId candidate) {
    return operator == null || operator.equals(candidate);
  }

  /**
   * The subscription for an operator stream: every tenant's topic, or the one tenant's.
   *
   * @throws IllegalArgumentException if the stream is not an operator stream
   */
  public Pattern subscription(Stream stream) {
    if (stream.scope() != Scope.OPERATOR) {
      throw new IllegalArgumentException(stream + " is not an operator stream");
    }
    return operator == null
        ? TopicNames.allOperators(stream)
        : Pattern.compile(Pattern.quote(TopicNames.of(operator, stream).toString()));
  }

  /**
   * The subscription regex for a stream named by its enum constant, for use in annotations:
   * {@code @KafkaListener(topicPattern = "#{@tenantScope.topicPattern('SIGNAL_ALARM')}")}.
   */
  public String topicPattern(String stream) {
    return subscription(Stream.valueOf(stream)).pattern();
  }

  /**
   * The consumer group id of a listener of this service. For one operator it lies under the
   * operator's prefix, so the operator's prefixed group ACL covers it.
   */
  public String groupId(String listener) {
    String base = serviceName + "." + listener;
    return operator == null ? "fenghuo." + base : TopicNames.operatorPrefix(operator) + base;
  }

  /**
   * The tenant of a record, from its topic.
   *
   * @throws IllegalArgumentException if the topic is not an operator topic, or belongs to an
   *     operator this instance does not serve (a misrouted record must never be processed)
   */
  public OperatorId operatorOf(String topic) {
    TopicName name = TopicNames.parseRequired(topic);
    OperatorId owner =
        name.operatorId()
            .orElseThrow(() -> new IllegalArgumentException(topic + " is not an operator topic"));
    if (!covers(owner)) {
      throw new IllegalArgumentException(
          topic + " belongs to operator " + owner + ", this instance serves only " + operator);
    }
    return owner;
  }

  @Override
  public String toString() {
    return operator == null ? "all operators" : "operator " + operator;
  }
}
