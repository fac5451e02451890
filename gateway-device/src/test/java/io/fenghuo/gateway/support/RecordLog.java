package io.fenghuo.gateway.support;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.testkit.KafkaEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Everything read from some topics, kept, so that tests can look for records in any order. */
public final class RecordLog implements AutoCloseable {

  private final KafkaConsumer<String, EventEnvelope<?>> consumer;
  private final List<ConsumerRecord<String, EventEnvelope<?>>> seen = new ArrayList<>();

  public RecordLog(KafkaEndpoint kafka, Collection<String> topics) {
    consumer = GatewayHarness.consumer(kafka);
    consumer.subscribe(topics);
  }

  /** Matching records, once at least {@code count} arrived or the time is up. */
  public synchronized List<ConsumerRecord<String, EventEnvelope<?>>> await(
      Predicate<ConsumerRecord<String, EventEnvelope<?>>> what, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<ConsumerRecord<String, EventEnvelope<?>>> match = seen.stream().filter(what).toList();
      if (match.size() >= count || System.nanoTime() > deadline) {
        return match;
      }
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
  }

  public static Predicate<ConsumerRecord<String, EventEnvelope<?>>> of(
      long device, EventType type) {
    String key = new DeviceAddress(device).toString();
    return r -> key.equals(r.key()) && r.value().type() == type;
  }

  @Override
  public synchronized void close() {
    consumer.close();
  }
}
