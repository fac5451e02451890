package io.fenghuo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.FireAlarmRaised;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.gateway.bindings.UnitStreamBindings;
import io.fenghuo.gateway.support.GatewayHarness;
import io.fenghuo.gateway.support.RecordLog;
import io.fenghuo.gateway.support.TestUitd;
import io.fenghuo.gateway.support.Topics;
import io.fenghuo.gateway.support.UnitSnapshots;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.testkit.KafkaBroker;
import io.fenghuo.testkit.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Vendor deviations from the archive: the unit stream binds one UITD with the {@code bcd-time}
 * profile (its firmware writes BCD time labels) and another without a profile. Both send the same
 * BCD-encoded fire alarm. The first is decoded with its profile (the alarm carries the device's
 * time) and answered in BCD; the second is read by the standard (binary), where the same bytes are
 * no valid time, so its alarm carries none.
 */
class DeviceProfileIT {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  final KafkaBroker kafka = TestInfrastructure.kafka();
  final OperatorId op = GatewayHarness.freshOperator("profile");

  @Test
  void aDeviceBoundWithADeviatingProfileIsDecodedAndAnsweredWithThatProfile() throws Exception {
    Topics.create(kafka, op, 1, (short) 1);
    String unitTopic = Topics.topic(op, Stream.UNIT);
    kafka.createTopics(
        new NewTopic(unitTopic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")));
    DeviceAddress bcd = new DeviceAddress(0x0000_0f00_0001L);
    DeviceAddress plain = new DeviceAddress(0x0000_0f00_0002L);
    UnitId unit = UnitId.of("U-330106-P001");
    // On the device's clock: 2026-03-15 09:30:45 CST. In BCD the bytes are 45 30 09 15 03 26;
    // read as binary, 0x45 = 69 seconds: no valid time.
    LocalDateTime deviceClock = LocalDateTime.of(2026, 3, 15, 9, 30, 45);
    Instant deviceTime = deviceClock.atZone(ZONE).toInstant();

    try (KafkaProducer<String, EventEnvelope<?>> producer =
            new KafkaProducer<>(GatewayHarness.producerBase(kafka, Duration.ofSeconds(10)));
        UnitStreamBindings bindings =
            new UnitStreamBindings(op, new HashMap<>(kafka.clientProperties())).start();
        Gateway gateway =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-profile").build(),
                GatewayHarness.producerBase(kafka, Duration.ofSeconds(10)),
                bindings);
        RecordLog alarms = new RecordLog(kafka, List.of(Topics.topic(op, Stream.SIGNAL_ALARM)))) {
      producer
          .send(
              new ProducerRecord<>(
                  unitTopic,
                  unit.value(),
                  UnitSnapshots.of(
                      op,
                      unit,
                      1,
                      List.of(
                          new UnitArchiveChanged.DeviceBinding(bcd, "FM-2000", "bcd-time"),
                          new UnitArchiveChanged.DeviceBinding(plain, "GST-500", null)))))
          .get(10, TimeUnit.SECONDS);
      assertThat(bindings.awaitCaughtUp(Duration.ofSeconds(15))).isTrue();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> bindings.isBound(bcd) && bindings.isBound(plain));
      assertThat(bindings.profileOf(bcd)).contains("bcd-time");
      assertThat(bindings.profileOf(plain)).isEmpty();

      try (TestUitd bcdDevice =
              new TestUitd(bcd.value(), gateway.address(), DeviceProfile.BCD_TIME);
          TestUitd plainDevice =
              new TestUitd(plain.value(), gateway.address(), DeviceProfile.BCD_TIME)) {
        Gb26875Message fromBcd = bcdDevice.fireAlarmAt(3, "3层东侧走廊", TimeLabel.of(deviceClock));
        bcdDevice.send(fromBcd);
        Gb26875Message confirm =
            bcdDevice.awaitConfirm(fromBcd.header().serial(), Duration.ofSeconds(10));
        assertThat(confirm).as("confirmed").isNotNull();
        // The gateway wrote the confirm's time label in BCD too: read as BCD it is the present.
        assertThat(confirm.header().time().isValid()).isTrue();
        assertThat(
                Duration.between(
                        confirm.header().time().dateTime().atZone(ZONE).toInstant(), Instant.now())
                    .abs())
            .isLessThan(Duration.ofMinutes(1));

        Gb26875Message fromPlain = plainDevice.fireAlarmAt(3, "3层东侧走廊", TimeLabel.of(deviceClock));
        // The same firmware, but the archive names no profile for this one: the standard applies.
        plainDevice.send(fromPlain);
        assertThat(plainDevice.awaitConfirm(fromPlain.header().serial(), Duration.ofSeconds(10)))
            .isNotNull();
      }

      List<ConsumerRecord<String, EventEnvelope<?>>> raised =
          alarms.await(r -> r.value().data() instanceof FireAlarmRaised, 2, Duration.ofSeconds(10));
      FireAlarmRaised bcdAlarm = alarmOf(raised, bcd);
      FireAlarmRaised plainAlarm = alarmOf(raised, plain);
      assertThat(bcdAlarm.occurredAt()).as("decoded with bcd-time").isEqualTo(deviceTime);
      assertThat(bcdAlarm.description()).isEqualTo("3层东侧走廊");
      assertThat(plainAlarm.occurredAt())
          .as("decoded with the standard: the same bytes are no valid time")
          .isNull();
      assertThat(gateway.metrics().count("fenghuo.gateway.profile.unknown", "profile", "bcd-time"))
          .isZero();
    }
  }

  private static FireAlarmRaised alarmOf(
      List<ConsumerRecord<String, EventEnvelope<?>>> records, DeviceAddress device) {
    return records.stream()
        .map(r -> (FireAlarmRaised) r.value().data())
        .filter(a -> a.device().equals(device))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no fire-alarm-raised of " + device));
  }
}
