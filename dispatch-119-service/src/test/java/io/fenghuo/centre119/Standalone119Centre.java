package io.fenghuo.centre119;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A 119 command centre's integration, written only from {@code contracts/asyncapi.yaml} and {@code
 * docs/streams/119.*.md}: plain kafka-clients and a JSON library, no Fenghuo class. It reads {@code
 * fire.119.incident}, keeps the highest revision per incident, and answers every incident and
 * communication test with an {@code ACKNOWLEDGED} receipt on {@code fire.119.receipt} (CloudEvents
 * binary mode). {@code Standalone119CentreTest} checks that it imports nothing of the project.
 */
public final class Standalone119Centre implements AutoCloseable {

  /** One record the centre read from fire.119.incident. */
  public record Seen(String key, String type, JsonNode data, long receivedNanos) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread loop;
  private volatile boolean assigned;

  public Standalone119Centre(String bootstrapServers, String centreName) {
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "centre-119-" + UUID.randomUUID());
    // A new centre starts with what arrives from now on.
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    consumer =
        new KafkaConsumer<>(
            c,
            new StringDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    producer =
        new KafkaProducer<>(
            p,
            new StringSerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer());
    consumer.subscribe(List.of("fire.119.incident"));
    loop = new Thread(() -> run(centreName), "standalone-119-centre");
    loop.start();
  }

  /** Whether the consumer has its partitions, so that what is sent from now on is seen. */
  public boolean ready() {
    return assigned;
  }

  /** Everything read so far. */
  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void run(String centreName) {
    while (running.get()) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        long now = System.nanoTime();
        String type = header(record, "ce_type");
        JsonNode data = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
        seen.add(new Seen(record.key(), type, data, now));
        if ("fenghuo.dispatch.incident-reported.v1".equals(type)
            || "fenghuo.dispatch.communication-test-sent.v1".equals(type)) {
          acknowledge(record.key(), data, centreName);
        }
      }
      if (!consumer.assignment().isEmpty()) {
        assigned = true;
      }
    }
    consumer.close();
  }

  private void acknowledge(String incidentId, JsonNode data, String centreName) {
    ObjectNode receipt = JSON.createObjectNode();
    receipt.put("incidentId", incidentId);
    receipt.put("status", "ACKNOWLEDGED");
    receipt.put("issuedAt", Instant.now().toString());
    if (data.has("revision")) {
      receipt.put("revision", data.get("revision").asInt());
    }
    receipt.put("dispatcher", "auto-ack");
    receipt.put("centre", centreName);
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_specversion", bytes("1.0"));
    headers.add("ce_id", bytes(UUID.randomUUID().toString()));
    headers.add("ce_source", bytes("/119-centre/" + centreName));
    headers.add("ce_type", bytes("fenghuo.dispatch.receipt-issued.v1"));
    headers.add("ce_time", bytes(Instant.now().toString()));
    headers.add("ce_subject", bytes(incidentId));
    headers.add("content-type", bytes("application/json"));
    producer.send(
        new ProducerRecord<>(
            "fire.119.receipt", null, incidentId, JSON.writeValueAsBytes(receipt), headers));
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    loop.join(5000);
    producer.close();
  }
}
