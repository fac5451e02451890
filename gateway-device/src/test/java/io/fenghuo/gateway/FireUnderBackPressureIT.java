package io.fenghuo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.gateway.bindings.StaticDeviceBindings;
import io.fenghuo.gateway.support.GatewayHarness;
import io.fenghuo.gateway.support.TestUitd;
import io.fenghuo.gateway.support.Topics;
import io.fenghuo.gateway.uplink.KafkaLanes;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.testkit.KafkaBroker;
import io.fenghuo.testkit.TestInfrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * Fire first under instance-wide back-pressure: while every connection is paused because the bulk
 * lane's uploads wait for Kafka, a fire alarm is still read and confirmed, and a status frame read
 * alongside it is deferred (left unconfirmed), so the pause keeps memory bounded.
 *
 * <p>The bulk lane is held up without an outage: its producer lingers for two minutes, so its
 * records wait in the producer and their uploads stay in flight. The alarm lane is the usual one.
 */
class FireUnderBackPressureIT {

  static final Duration WAIT = Duration.ofSeconds(5);
  final KafkaBroker kafka = TestInfrastructure.kafka();
  final OperatorId op = GatewayHarness.freshOperator("paused");

  @Test
  void aFireAlarmIsReadAndConfirmedWhileEveryConnectionIsPaused() throws Exception {
    Topics.create(kafka, op, 1, (short) 1);
    Map<String, Object> base = GatewayHarness.producerBase(kafka, Duration.ofSeconds(180));
    Map<String, Object> bulk = new HashMap<>(base);
    bulk.put(ProducerConfig.LINGER_MS_CONFIG, 120_000);
    bulk.put(ProducerConfig.BATCH_SIZE_CONFIG, 1_048_576);
    bulk.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
    bulk.put(ProducerConfig.CLIENT_ID_CONFIG, "paused-bulk");
    KafkaLanes lanes = new KafkaLanes(KafkaLanes.create(base).alarm(), new KafkaProducer<>(bulk));
    try (Gateway gateway =
            GatewayHarness.start(
                GatewayHarness.settings(op, "gw-paused").maxInFlight(2).build(),
                lanes,
                StaticDeviceBindings.everyDevice());
        TestUitd fire = new TestUitd(0x0000_0a00_0001L, gateway.address());
        TestUitd status = new TestUitd(0x0000_0a00_0002L, gateway.address())) {
      // Two status uploads wait for the lingering bulk lane: the instance-wide limit (2) is
      // reached and every connection, the fire device's too, stops reading.
      status.send(status.fault(1));
      fire.send(fire.fault(2));
      await().atMost(WAIT).until(() -> gateway.backPressure().isPaused());

      Gb26875Message alarm = fire.fireAlarm(3, "smoke detector, floor 2");
      fire.send(alarm);
      Gb26875Message more = status.fault(4);
      status.send(more);

      assertThat(fire.awaitConfirm(alarm.header().serial(), WAIT))
          .as("fire alarm confirmed although every connection is paused")
          .isNotNull();
      assertThat(gateway.backPressure().isPaused()).as("still paused").isTrue();
      await()
          .atMost(WAIT)
          .until(
              () ->
                  gateway
                          .metrics()
                          .count("fenghuo.gateway.frames", "type", "2", "outcome", "deferred")
                      >= 1);
      assertThat(status.confirmedSerials())
          .as("a status frame read during the pause is deferred, not confirmed")
          .doesNotContain(more.header().serial());
      assertThat(
              gateway
                  .metrics()
                  .count(
                      "fenghuo.gateway.frames", "type", "2", "outcome", "fire_read_while_paused"))
          .isEqualTo(1.0);
    }
  }
}
