package io.fenghuo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.EventIds;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.gateway.bindings.StaticDeviceBindings;
import io.fenghuo.gateway.support.GatewayHarness;
import io.fenghuo.gateway.support.RecordLog;
import io.fenghuo.gateway.support.TestUitd;
import io.fenghuo.gateway.support.Topics;
import io.fenghuo.gb26875.Gb26875Codec;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.testkit.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Kafka stops acknowledging writes and comes back. Three real brokers (testkit's {@link
 * KafkaCluster}); the gateway's topics have replication factor 3 and {@code min.insync.replicas=3},
 * so killing one broker (the leader of {@code signal.status}) leaves Kafka unable to complete any
 * {@code acks=all} write: first the dead follower never acknowledges, then the ISR shrinks and
 * every produce fails with {@code NOT_ENOUGH_REPLICAS}. Restarting the broker heals it.
 *
 * <p>Why not the cheaper variants: on a single broker, raising {@code min.insync.replicas} above
 * the replication factor does nothing, because Kafka 4.1 caps it ({@code Partition.effectiveMinIsr
 * = min(min.insync.replicas, replicas)}), which is why frames were still confirmed. And killing two
 * of the three brokers cannot be healed with testkit's {@code KafkaCluster.restart}: it waits until
 * the restarted broker "sees all three brokers", which cannot happen while the other killed broker
 * is still down, and it is synchronized, so the second one cannot be restarted meanwhile.
 *
 * <p>Devices get no confirm while Kafka cannot take the writes and retransmit; the gateway pauses
 * reading instead of buffering; after recovery every signal is on the topic, exactly once after
 * dedupe by event id.
 */
@Tag("failure")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerOutageIT {

  static final int DEVICES = 5;
  static final int FRAMES_PER_DEVICE = 3;
  static final int MAX_IN_FLIGHT = 8;

  final KafkaCluster cluster = new KafkaCluster();
  final OperatorId op = GatewayHarness.freshOperator("outage");
  final StaticDeviceBindings bindings = StaticDeviceBindings.everyDevice();
  Gateway gateway;

  @BeforeAll
  void start() throws Exception {
    cluster.start();
    cluster.createTopics(
        Topics.GATEWAY_STREAMS.stream()
            .map(
                s ->
                    new NewTopic(Topics.topic(op, s), 1, (short) 3)
                        .configs(Map.of("min.insync.replicas", "3")))
            .toArray(NewTopic[]::new));
    gateway =
        GatewayHarness.start(
            GatewayHarness.settings(op, "gw-outage")
                .maxInFlight(MAX_IN_FLIGHT)
                .maxInFlightPerConnection(2)
                .build(),
            GatewayHarness.producerBase(cluster, Duration.ofSeconds(4)),
            bindings);
  }

  @AfterAll
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    cluster.close();
  }

  @Test
  void withholdsConfirmsWhileKafkaIsAwayAndDeliversEverySignalOnceItIsBack() throws Exception {
    List<TestUitd> devices = new ArrayList<>();
    for (int i = 0; i < DEVICES; i++) {
      devices.add(new TestUitd(0x0000_0700_0000L + i, gateway.address()));
    }
    // Before the outage: confirmed as usual.
    for (TestUitd d : devices) {
      Gb26875Message hello = d.fault(1);
      d.send(hello);
      assertThat(d.awaitConfirm(hello.header().serial(), Duration.ofSeconds(20))).isNotNull();
    }

    String topic = Topics.topic(op, Stream.SIGNAL_STATUS);
    int victim = cluster.leader(topic, 0).orElseThrow();
    cluster.kill(victim);

    // During the outage: every device sends new uploads; none is confirmed.
    Map<TestUitd, Map<Integer, byte[]>> pending = new LinkedHashMap<>();
    Set<String> expectedIds = new HashSet<>();
    for (TestUitd d : devices) {
      Map<Integer, byte[]> frames = new LinkedHashMap<>();
      for (int f = 0; f < FRAMES_PER_DEVICE; f++) {
        Gb26875Message m = d.fault(100 + f);
        byte[] wire = Gb26875Codec.encode(m, DeviceProfile.STANDARD);
        frames.put(m.header().serial(), wire);
        expectedIds.add(
            EventIds.forDeviceObject(
                new DeviceAddress(d.address().value()),
                m.header().commandByte(),
                m.header().serial(),
                java.util.Arrays.copyOfRange(wire, 6, 12),
                ((io.fenghuo.gb26875.adu.TypedData) m.data()).typeFlagValue(),
                0,
                EventType.STATUS_CHANGED));
        d.sendRaw(wire);
      }
      pending.put(d, frames);
    }
    int maxInFlightSeen = 0;
    boolean pausedSeen = false;
    long outageEnd = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < outageEnd) {
      maxInFlightSeen = Math.max(maxInFlightSeen, gateway.backPressure().inFlight());
      pausedSeen |= gateway.backPressure().isPaused();
      retransmitUnconfirmed(pending);
      Thread.sleep(500);
    }
    for (var e : pending.entrySet()) {
      assertThat(e.getKey().confirmedSerials())
          .as("no confirm while Kafka is away")
          .doesNotContainAnyElementsOf(e.getValue().keySet());
    }
    assertThat(maxInFlightSeen)
        .as("in-flight uploads stay bounded")
        .isLessThanOrEqualTo(MAX_IN_FLIGHT + DEVICES);
    assertThat(pausedSeen).as("reading paused").isTrue();
    assertThat(
            gateway
                .metrics()
                .count("fenghuo.gateway.frames", "type", "2", "outcome", "publish_failed"))
        .isGreaterThan(0);

    // Kafka returns: the devices keep retransmitting until every frame is confirmed.
    cluster.restart(victim);
    long recoveryDeadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!allConfirmed(pending) && System.nanoTime() < recoveryDeadline) {
      retransmitUnconfirmed(pending);
      Thread.sleep(1_000);
    }
    assertThat(allConfirmed(pending)).as("every frame confirmed after recovery").isTrue();

    try (RecordLog log = new RecordLog(cluster, List.of(topic))) {
      List<ConsumerRecord<String, EventEnvelope<?>>> records =
          log.await(
              r -> expectedIds.contains(r.value().id()),
              expectedIds.size() * 3,
              Duration.ofSeconds(10));
      Set<String> ids = records.stream().map(r -> r.value().id()).collect(Collectors.toSet());
      assertThat(ids).as("no loss, no stranger after dedupe by id").isEqualTo(expectedIds);
      System.out.printf(
          "outage: %d signals expected, %d records on the topic before dedupe, max in-flight %d,"
              + " missed resumes repaired by the session tick %.0f%n",
          expectedIds.size(),
          records.size(),
          maxInFlightSeen,
          gateway.metrics().count("fenghuo.gateway.protection", "limit", "stale_read_pause"));
    }
    for (TestUitd d : devices) {
      d.close();
    }
  }

  private static void retransmitUnconfirmed(Map<TestUitd, Map<Integer, byte[]>> pending)
      throws Exception {
    for (var e : pending.entrySet()) {
      for (var f : e.getValue().entrySet()) {
        if (!e.getKey().confirmedSerials().contains(f.getKey())) {
          e.getKey().sendRaw(f.getValue());
        }
      }
    }
  }

  private static boolean allConfirmed(Map<TestUitd, Map<Integer, byte[]>> pending) {
    return pending.entrySet().stream()
        .allMatch(e -> e.getKey().confirmedSerials().containsAll(e.getValue().keySet()));
  }
}
