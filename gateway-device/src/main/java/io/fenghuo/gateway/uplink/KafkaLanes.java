package io.fenghuo.gateway.uplink;

import io.fenghuo.contracts.event.EventEnvelope;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The two producers of the gateway, from one base configuration (the starter's {@code acks=all},
 * idempotence and CloudEvents serializer): the alarm lane sends every record at once ({@code
 * linger.ms=0}, small batches); the bulk lane waits a few milliseconds to batch status and
 * telemetry.
 */
public record KafkaLanes(
    Producer<String, EventEnvelope<?>> alarm, Producer<String, EventEnvelope<?>> bulk) {

  /** Producers from a base configuration; lane settings override it. */
  public static KafkaLanes create(Map<String, Object> base) {
    Map<String, Object> alarm = new HashMap<>(base);
    alarm.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    alarm.put(ProducerConfig.BATCH_SIZE_CONFIG, 16_384);
    alarm.put(ProducerConfig.CLIENT_ID_CONFIG, clientId(base, "alarm"));
    Map<String, Object> bulk = new HashMap<>(base);
    bulk.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    bulk.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
    bulk.put(ProducerConfig.CLIENT_ID_CONFIG, clientId(base, "bulk"));
    return new KafkaLanes(new KafkaProducer<>(alarm), new KafkaProducer<>(bulk));
  }

  private static String clientId(Map<String, Object> base, String lane) {
    Object prefix = base.get(ProducerConfig.CLIENT_ID_CONFIG);
    return (prefix == null ? "gateway-device" : prefix) + "-" + lane;
  }
}
