package io.fenghuo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.EventIds;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.signal.DeviceConnected;
import io.fenghuo.contracts.signal.DeviceDisconnected;
import io.fenghuo.contracts.signal.DisconnectReason;
import io.fenghuo.contracts.signal.FireAlarmRaised;
import io.fenghuo.contracts.signal.FireAlarmSource;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.signal.StatusChanged;
import io.fenghuo.contracts.signal.TelemetryKind;
import io.fenghuo.contracts.signal.TelemetryReported;
import io.fenghuo.contracts.signal.UnregisteredDeviceReported;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.gateway.bindings.StaticDeviceBindings;
import io.fenghuo.gateway.support.GatewayHarness;
import io.fenghuo.gateway.support.RecordLog;
import io.fenghuo.gateway.support.TestUitd;
import io.fenghuo.gateway.support.Topics;
import io.fenghuo.gb26875.Gb26875Codec;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.testkit.KafkaBroker;
import io.fenghuo.testkit.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uplink against a real broker and Redis: ack after durable write, deny, dedupe, liveness. */
class UplinkIT {

  static final Duration WAIT = Duration.ofSeconds(15);
  static KafkaBroker kafka;
  static OperatorId op;
  static StaticDeviceBindings bindings = StaticDeviceBindings.empty();
  static Gateway gateway;
  static RecordLog log;
  static final Duration ABSENT = Duration.ofSeconds(2);

  @BeforeAll
  static void start() throws Exception {
    kafka = TestInfrastructure.kafka();
    op = GatewayHarness.freshOperator("up");
    Topics.create(kafka, op, 1, (short) 1);
    gateway =
        GatewayHarness.start(
            GatewayHarness.settings(op, "gw-up").heartbeatInterval(Duration.ofSeconds(30)).build(),
            kafka,
            bindings);
    log =
        new RecordLog(
            kafka, Topics.GATEWAY_STREAMS.stream().map(s -> Topics.topic(op, s)).toList());
  }

  @AfterAll
  static void stop() {
    log.close();
    gateway.close();
  }

  static TestUitd device(long address) throws Exception {
    bindings.bind(new DeviceAddress(address));
    return new TestUitd(address, gateway.address());
  }

  static List<ConsumerRecord<String, EventEnvelope<?>>> records(
      long device, EventType type, int count) {
    return log.await(RecordLog.of(device, type), count, WAIT);
  }

  /** Waits briefly for more than {@code expected} records, to show there are no more. */
  static List<ConsumerRecord<String, EventEnvelope<?>>> exactly(
      long device, EventType type, int expected) {
    records(device, type, expected);
    return log.await(RecordLog.of(device, type), expected + 1, ABSENT);
  }

  @Test
  void aFireAlarmBecomesAnEventWithEveryFieldAndIsConfirmedOnlyOnceInKafka() throws Exception {
    long address = 0x0140609623b2L;
    try (TestUitd uitd = device(address)) {
      Gb26875Message alarm = uitd.fireAlarm(0x0002000aL, "3F 走廊 感烟");
      Instant before = Instant.now();
      uitd.send(alarm);
      Gb26875Message confirm = uitd.awaitConfirm(alarm.header().serial(), WAIT);
      assertThat(confirm).as("confirm").isNotNull();

      // At the moment the confirm arrives, the record is already readable in Kafka.
      TopicPartition alarms = new TopicPartition(Topics.topic(op, Stream.SIGNAL_ALARM), 0);
      try (var probe = GatewayHarness.consumer(kafka)) {
        assertThat(probe.endOffsets(List.of(alarms)).get(alarms)).isGreaterThan(0);
      }
      assertThat(confirm.header().source().value()).isZero();
      assertThat(confirm.header().destination().value()).isEqualTo(address);

      var record = records(address, EventType.FIRE_ALARM_RAISED, 1).get(0);
      FireAlarmRaised raised = (FireAlarmRaised) record.value().data();
      assertThat(raised.device()).isEqualTo(new DeviceAddress(address));
      assertThat(raised.source()).isEqualTo(FireAlarmSource.COMPONENT_STATE);
      assertThat(raised.point()).isEqualTo(PointRef.component(1, 1, 40, 0x0002000aL));
      assertThat(raised.description()).isEqualTo("3F 走廊 感烟");
      assertThat(raised.occurredAt())
          .isEqualTo(
              alarm.data() instanceof io.fenghuo.gb26875.adu.TypedData t
                  ? ((io.fenghuo.gb26875.adu.ComponentStatus) t.objects().get(0))
                      .time()
                      .dateTime()
                      .atZone(TestUitd.ZONE)
                      .toInstant()
                  : null);
      assertThat(raised.receivedAt()).isBetween(before.minusSeconds(1), Instant.now());
      assertThat(raised.frameSerial()).isEqualTo(alarm.header().serial());
      assertThat(record.value().id())
          .isEqualTo(
              EventIds.forDeviceObject(
                  new DeviceAddress(address),
                  alarm.header().commandByte(),
                  alarm.header().serial(),
                  alarm.header().time().raw() != null
                      ? alarm.header().time().raw()
                      : rawTime(alarm),
                  ((io.fenghuo.gb26875.adu.TypedData) alarm.data()).typeFlagValue(),
                  0,
                  EventType.FIRE_ALARM_RAISED));
      assertThat(record.value().operator()).isEqualTo(op);
      assertThat(record.key()).isEqualTo("0140609623b2");
      assertThat(new String(record.headers().lastHeader("ce_type").value()))
          .isEqualTo("fenghuo.signal.fire-alarm-raised.v1");

      StatusChanged status =
          (StatusChanged) records(address, EventType.STATUS_CHANGED, 1).get(0).value().data();
      assertThat(status.flags()).containsExactly(StateFlag.FIRE_ALARM);
      assertThat(
              gateway
                  .metrics()
                  .count("fenghuo.gateway.frames", "type", "2", "outcome", "confirmed"))
          .isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void aRetransmittedUploadIsConfirmedAgainAndNotRepublished() throws Exception {
    long address = 0x0000000a0001L;
    try (TestUitd uitd = device(address)) {
      Gb26875Message fault = uitd.fault(7);
      byte[] wire = Gb26875Codec.encode(fault, DeviceProfile.STANDARD);
      uitd.sendRaw(wire);
      assertThat(uitd.awaitConfirm(fault.header().serial(), WAIT)).isNotNull();
      uitd.sendRaw(wire);
      assertThat(uitd.awaitConfirm(fault.header().serial(), WAIT)).as("second confirm").isNotNull();

      Gb26875Message next = uitd.fault(8);
      uitd.send(next);
      assertThat(uitd.awaitConfirm(next.header().serial(), WAIT)).isNotNull();
      List<ConsumerRecord<String, EventEnvelope<?>>> all =
          exactly(address, EventType.STATUS_CHANGED, 2);
      assertThat(all).hasSize(2);
      assertThat(all.stream().map(r -> r.value().id()).collect(Collectors.toSet())).hasSize(2);
      assertThat(
              gateway
                  .metrics()
                  .count("fenghuo.gateway.frames", "type", "2", "outcome", "duplicate"))
          .isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void deniesAFrameWithABadChecksumAndCountsIt() throws Exception {
    try (TestUitd uitd = device(0x0000000a0002L)) {
      Gb26875Message fault = uitd.fault(9);
      byte[] wire = Gb26875Codec.encode(fault, DeviceProfile.STANDARD);
      wire[wire.length - 3] ^= 0x5A;
      uitd.sendRaw(wire);
      Gb26875Message deny = uitd.awaitDeny(WAIT);
      assertThat(deny).isNotNull();
      assertThat(deny.header().serial()).isEqualTo(fault.header().serial());
      assertThat(gateway.metrics().count("fenghuo.gateway.denies", "reason", "bad_checksum"))
          .isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void garbageBetweenFramesIsSkippedAndTheNextFrameIsAccepted() throws Exception {
    try (TestUitd uitd = device(0x0000000a0003L)) {
      uitd.sendRaw(new byte[] {0x01, 0x23, 0x23, 0x40, 0x17, (byte) 0xFF, 0x00, 0x55});
      Gb26875Message fault = uitd.fault(10);
      uitd.send(fault);
      assertThat(uitd.awaitConfirm(fault.header().serial(), WAIT)).isNotNull();
      await()
          .atMost(WAIT)
          .until(
              () ->
                  gateway
                          .metrics()
                          .count("fenghuo.gateway.decode.errors", "reason", "no_start_marker")
                      >= 1);
    }
  }

  @Test
  void anUnboundDevicesSignalsGoToTheUnregisteredStream() throws Exception {
    long address = 0x00000bad0001L;
    try (TestUitd uitd = new TestUitd(address, gateway.address())) {
      Gb26875Message alarm = uitd.fireAlarm(1, "unbound");
      uitd.send(alarm);
      assertThat(uitd.awaitConfirm(alarm.header().serial(), WAIT)).isNotNull();
      var wrapped = records(address, EventType.UNREGISTERED_DEVICE_REPORTED, 2);
      assertThat(wrapped).hasSize(2);
      assertThat(wrapped.get(0).topic()).isEqualTo(Topics.topic(op, Stream.SIGNAL_UNREGISTERED));
      Set<String> types =
          wrapped.stream()
              .map(r -> ((UnregisteredDeviceReported) r.value().data()).signalType())
              .collect(Collectors.toSet());
      assertThat(types)
          .containsExactlyInAnyOrder(
              "fenghuo.signal.fire-alarm-raised.v1", "fenghuo.signal.status-changed.v1");
      UnregisteredDeviceReported r = (UnregisteredDeviceReported) wrapped.get(0).value().data();
      assertThat(r.gateway()).isEqualTo("gw-up");
      assertThat(r.signal()).containsEntry("device", "00000bad0001");
      assertThat(log.await(RecordLog.of(address, EventType.FIRE_ALARM_RAISED), 1, ABSENT))
          .isEmpty();
    }
  }

  @Test
  void heartbeatsKeepTheDeviceAliveButReachKafkaAtMostOncePerInterval() throws Exception {
    long address = 0x0000000a0004L;
    try (TestUitd uitd = device(address)) {
      for (int i = 0; i < 5; i++) {
        Gb26875Message hb = uitd.heartbeat();
        uitd.send(hb);
        assertThat(uitd.awaitConfirm(hb.header().serial(), WAIT)).isNotNull();
      }
      var beats = exactly(address, EventType.TELEMETRY_REPORTED, 1);
      assertThat(beats).hasSize(1);
      assertThat(((TelemetryReported) beats.get(0).value().data()).kind())
          .isEqualTo(TelemetryKind.HEARTBEAT);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  gateway.liveness().directory().lastSeen(new DeviceAddress(address)).isPresent());
      assertThat(gateway.liveness().directory().instanceOf(new DeviceAddress(address)))
          .contains("gw-up");
    }
  }

  @Test
  void connectionAndDisconnectionArePublishedWithTheReason() throws Exception {
    long address = 0x0000000a0005L;
    TestUitd uitd = device(address);
    Gb26875Message hb = uitd.heartbeat();
    uitd.send(hb);
    assertThat(uitd.awaitConfirm(hb.header().serial(), WAIT)).isNotNull();
    uitd.close();
    var connected = records(address, EventType.DEVICE_CONNECTED, 1);
    assertThat(connected).hasSize(1);
    DeviceConnected c = (DeviceConnected) connected.get(0).value().data();
    assertThat(c.gateway()).isEqualTo("gw-up");
    var disconnected = records(address, EventType.DEVICE_DISCONNECTED, 1);
    assertThat(disconnected).hasSize(1);
    DeviceDisconnected d = (DeviceDisconnected) disconnected.get(0).value().data();
    assertThat(d.reason()).isEqualTo(DisconnectReason.CLOSED_BY_DEVICE);
    await()
        .atMost(WAIT)
        .until(
            () -> gateway.liveness().directory().instanceOf(new DeviceAddress(address)).isEmpty());
  }

  private static byte[] rawTime(Gb26875Message m) {
    byte[] wire = Gb26875Codec.encode(m, DeviceProfile.STANDARD);
    return java.util.Arrays.copyOfRange(wire, 6, 12);
  }
}
