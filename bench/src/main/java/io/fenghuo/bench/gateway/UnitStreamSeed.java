package io.fenghuo.bench.gateway;

import io.fenghuo.bench.local.LocalPlatform;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.kafka.CloudEventsSerializer;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.contracts.unit.UnitCategory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Device bindings for the bench's devices, the way the unit-service makes them: one {@code
 * unit.archive-changed} snapshot per unit on the operator's compacted unit stream ({@code
 * fire.op.<op>.unit}), one UITD per unit (bench units {@code bench-<device>}). The gateway reads
 * that stream from the beginning when it starts ({@code UnitStreamBindings}), so these records go
 * in before it starts. The unit-service itself does not run in the bench.
 */
final class UnitStreamSeed {

  private UnitStreamSeed() {}

  static String unitTopic() {
    return TopicNames.of(OperatorId.of(LocalPlatform.OPERATOR), Stream.UNIT).toString();
  }

  /** Publishes one snapshot per device (acks=all) and returns how many were acknowledged. */
  static int bind(String bootstrap, List<DeviceAddress> devices) throws Exception {
    createCompactedTopic(bootstrap, unitTopic());
    OperatorId op = OperatorId.of(LocalPlatform.OPERATOR);
    Map<String, Object> props =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.LINGER_MS_CONFIG,
            20,
            ProducerConfig.CLIENT_ID_CONFIG,
            "bench-unit-seed",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            CloudEventsSerializer.class);
    List<Future<RecordMetadata>> sent = new ArrayList<>(devices.size());
    try (KafkaProducer<String, EventEnvelope<?>> producer = new KafkaProducer<>(props)) {
      for (DeviceAddress device : devices) {
        EventEnvelope<UnitArchiveChanged> e = snapshot(op, device);
        sent.add(producer.send(new ProducerRecord<>(unitTopic(), e.key(), e)));
      }
      producer.flush();
      for (Future<RecordMetadata> f : sent) {
        f.get(60, TimeUnit.SECONDS);
      }
    }
    return sent.size();
  }

  static EventEnvelope<UnitArchiveChanged> snapshot(OperatorId op, DeviceAddress device) {
    UnitId unit = UnitId.of("bench-" + device.toString());
    UnitArchiveChanged data =
        new UnitArchiveChanged(
            unit,
            1,
            Instant.parse("2026-01-01T00:00:00Z"),
            "压测单位 " + device,
            null,
            UnitCategory.KEY_UNIT,
            "330106",
            "浙江省杭州市西湖区文三路1号",
            null,
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            List.of(),
            List.of(new UnitArchiveChanged.DeviceBinding(device, null, null)),
            List.of(),
            List.of());
    return new EventEnvelope<>(
        UUID.nameUUIDFromBytes(("unit/" + unit.value() + "/1").getBytes(StandardCharsets.UTF_8))
            .toString(),
        URI.create("/fenghuo/bench/unit-seed"),
        data.changedAt(),
        op,
        data);
  }

  static void createCompactedTopic(String bootstrap, String topic) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
        return;
      }
      admin
          .createTopics(
              List.of(
                  new NewTopic(topic, 3, (short) 1)
                      .configs(
                          Map.of(
                              TopicConfig.CLEANUP_POLICY_CONFIG,
                              TopicConfig.CLEANUP_POLICY_COMPACT))))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }
}
