package io.fenghuo.alarm.alarm.messaging;

import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.starter.tenancy.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Readiness of the unit read model (health component {@code unitStream}, part of the readiness
 * group): not ready until the unit streams ({@code fire.op.<op>.unit}) were read up to the end
 * offsets they had when the service started, so that a service that was just (re)started does not
 * take traffic while it cannot yet place most devices. Signals are received all the while: a fire
 * is never held back; one that arrives before its unit opens a unit-less alarm that gets its unit
 * when the binding is read ({@code AlarmDesk.applyUnit}).
 *
 * <p>A partition counts as read when the unit listener processed its record before the end offset,
 * or the service's consumer group committed that offset (a restart with nothing new to read). The
 * unit-service's producers are not transactional, so the last offset before the end is a record.
 * After {@code fenghuo.alarm.unit-stream.catch-up-timeout} the service reports ready anyway (with a
 * warning): a broken partition must not keep the alarm receipt out of service.
 */
@Component("unitStreamHealthIndicator")
public class UnitStreamReadiness implements HealthIndicator, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(UnitStreamReadiness.class);
  private static final Duration CALL = Duration.ofSeconds(3);

  private final Admin admin;
  private final Pattern topics;
  private final String groupId;
  private final Duration timeout;
  private final Clock clock;
  private final Instant started;
  private final Map<TopicPartition, Long> read = new ConcurrentHashMap<>();
  private volatile Map<TopicPartition, Long> target;
  private volatile Health ready;

  @Autowired
  UnitStreamReadiness(
      KafkaAdmin kafkaAdmin,
      TenantScope tenants,
      @Value("${fenghuo.alarm.unit-stream.catch-up-timeout:2m}") Duration timeout) {
    this(
        Admin.create(kafkaAdmin.getConfigurationProperties()),
        tenants.subscription(Stream.UNIT),
        tenants.groupId(SignalListeners.UNITS_GROUP),
        timeout,
        Clock.systemUTC());
  }

  UnitStreamReadiness(Admin admin, Pattern topics, String groupId, Duration timeout, Clock clock) {
    this.admin = admin;
    this.topics = topics;
    this.groupId = groupId;
    this.timeout = timeout;
    this.clock = clock;
    this.started = clock.instant();
  }

  /** The unit listener processed the record at {@code offset}. */
  void processed(String topic, int partition, long offset) {
    read.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
  }

  @Override
  public Health health() {
    Health done = ready;
    if (done != null) {
      return done;
    }
    boolean late = clock.instant().isAfter(started.plus(timeout));
    try {
      if (target == null) {
        target = endOffsets();
        log.info("unit stream: {} partition(s) to read up to {}", target.size(), target);
      }
      Map<TopicPartition, Long> behind = behind(read);
      if (!behind.isEmpty()) {
        behind = behind(committed());
      }
      if (behind.isEmpty()) {
        return caughtUp(
            Health.up()
                .withDetail("partitions", target.size())
                .withDetail("caughtUpIn", Duration.between(started, clock.instant()).toString())
                .build());
      }
      if (late) {
        log.warn(
            "unit stream not read up to its start offsets after {}: reporting ready anyway; behind:"
                + " {}",
            timeout,
            behind);
        return caughtUp(
            Health.up()
                .withDetail("partitions", target.size())
                .withDetail("gaveUpWaitingAfter", timeout.toString())
                .withDetail("behind", behind.toString())
                .build());
      }
      return Health.outOfService()
          .withDetail("reading", "unit stream up to the end offsets at start")
          .withDetail("behind", behind.toString())
          .build();
    } catch (Exception e) {
      if (late) {
        log.warn("cannot check the unit stream after {}: reporting ready anyway", timeout, e);
        return caughtUp(Health.up().withDetail("gaveUpWaitingAfter", timeout.toString()).build());
      }
      return Health.outOfService().withException(e).build();
    }
  }

  private Health caughtUp(Health health) {
    ready = health;
    log.info("unit stream read: the alarm-service is ready ({})", health.getDetails());
    return health;
  }

  /** The target partitions whose position is below the target, with the target offset. */
  private Map<TopicPartition, Long> behind(Map<TopicPartition, Long> positions) {
    Map<TopicPartition, Long> behind = new HashMap<>();
    target.forEach(
        (tp, end) -> {
          Long at = positions.get(tp);
          if (end > 0 && (at == null || at < end) && read.getOrDefault(tp, 0L) < end) {
            behind.put(tp, end);
          }
        });
    return behind;
  }

  private Map<TopicPartition, Long> endOffsets() throws Exception {
    List<String> names =
        admin.listTopics().names().get(CALL.toMillis(), TimeUnit.MILLISECONDS).stream()
            .filter(n -> topics.matcher(n).matches())
            .toList();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    if (!names.isEmpty()) {
      for (TopicDescription d :
          admin
              .describeTopics(names)
              .allTopicNames()
              .get(CALL.toMillis(), TimeUnit.MILLISECONDS)
              .values()) {
        d.partitions()
            .forEach(
                p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
      }
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    if (!latest.isEmpty()) {
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e :
          admin.listOffsets(latest).all().get(CALL.toMillis(), TimeUnit.MILLISECONDS).entrySet()) {
        ends.put(e.getKey(), e.getValue().offset());
      }
    }
    return Map.copyOf(ends);
  }

  private Map<TopicPartition, Long> committed() throws Exception {
    Map<TopicPartition, Long> committed = new HashMap<>();
    for (Map.Entry<TopicPartition, OffsetAndMetadata> e :
        admin
            .listConsumerGroupOffsets(groupId)
            .partitionsToOffsetAndMetadata()
            .get(CALL.toMillis(), TimeUnit.MILLISECONDS)
            .entrySet()) {
      if (e.getValue() != null) {
        committed.put(e.getKey(), e.getValue().offset());
      }
    }
    return committed;
  }

  @Override
  public void destroy() {
    admin.close(Duration.ofSeconds(2));
  }
}
