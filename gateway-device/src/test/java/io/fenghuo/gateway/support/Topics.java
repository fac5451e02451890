package io.fenghuo.gateway.support;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.testkit.KafkaEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Topic helpers for the gateway's tests. */
public final class Topics {

  private Topics() {}

  public static final List<Stream> GATEWAY_STREAMS =
      List.of(
          Stream.SIGNAL_ALARM,
          Stream.SIGNAL_STATUS,
          Stream.SIGNAL_TELEMETRY,
          Stream.SIGNAL_UNREGISTERED,
          Stream.DEVICE_CONNECTION,
          Stream.DEVICE_COMMAND,
          Stream.DEVICE_COMMAND_RESULT);

  public static void create(KafkaEndpoint kafka, OperatorId op, int partitions, short rf) {
    kafka.createTopics(
        GATEWAY_STREAMS.stream()
            .map(s -> new NewTopic(TopicNames.of(op, s).toString(), partitions, rf))
            .toArray(NewTopic[]::new));
  }

  public static String topic(OperatorId op, Stream s) {
    return TopicNames.of(op, s).toString();
  }

  /** Reads records matching {@code what} until {@code count} were seen or the time is up. */
  public static List<ConsumerRecord<String, EventEnvelope<?>>> read(
      KafkaConsumer<String, EventEnvelope<?>> consumer,
      Predicate<ConsumerRecord<String, EventEnvelope<?>>> what,
      int count,
      Duration timeout) {
    List<ConsumerRecord<String, EventEnvelope<?>>> out = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (out.size() < count && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, EventEnvelope<?>> r : consumer.poll(Duration.ofMillis(100))) {
        if (what.test(r)) {
          out.add(r);
        }
      }
    }
    return out;
  }
}
