package io.fenghuo.bench.platform;

import io.fenghuo.bench.Scenario;
import io.fenghuo.bench.local.LocalPlatform;
import io.fenghuo.bench.report.BenchResult;
import io.fenghuo.gb26875.session.RetransmissionPolicy;
import io.fenghuo.simulator.Fleet;
import io.fenghuo.simulator.SimulatorConfig;
import io.fenghuo.simulator.device.Condition;
import io.fenghuo.simulator.device.DeviceEvent;
import io.fenghuo.simulator.device.PointSelector;
import io.fenghuo.simulator.session.HeartbeatMode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, item 4: the operator confirms a fire through the alarm-service API (claim, then confirm
 * as a true fire, as the console does) → the incident record on {@code fire.119.incident}, read by
 * a plain Kafka consumer as the 119 centre would.
 */
@Command(
    name = "confirm-119",
    description =
        "Operator confirmation (alarm-service API) → incident on fire.119.incident (plain Kafka"
            + " consumer); starts ./fenghuo up.")
public final class Confirm119Scenario extends Scenario {

  static final String SERVICES = "unit-service alarm-service dispatch-119-service gateway-op-a";
  static final String ALARM_TOPIC = "fire.op.op-a.alarm";
  static final String INCIDENT_TOPIC = "fire.119.incident";

  /** GB 50440: centre → 119 within 3 s of the confirmation. */
  static final long LIMIT_MICROS = 3_000_000;

  @Mixin PlatformOptions platform;

  @Option(names = "--confirmations", defaultValue = "150", description = "Measured confirmations.")
  int confirmations;

  @Option(names = "--warmup", defaultValue = "5", description = "Confirmations before measuring.")
  int warmup;

  @Option(
      names = "--pause",
      defaultValue = "PT0.2S",
      description = "Pause after each incident arrived (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration pause;

  private record Arrival(long nanos, long kafkaMillis) {}

  private final ConcurrentHashMap<String, BlockingQueue<String>> raised = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CompletableFuture<Arrival>> incidents =
      new ConcurrentHashMap<>();

  @Override
  protected BenchResult measure() throws Exception {
    BenchResult result =
        new BenchResult(
            "confirm-119", "Operator confirmation (API) → incident on fire.119.incident");
    Histogram toIncident = new Histogram(3_600_000_000L, 3);
    Histogram kafkaTime = new Histogram(3_600_000_000L, 3);
    Histogram api = new Histogram(3_600_000_000L, 3);
    int missed = 0;
    int over = 0;
    List<String> exceptions = new ArrayList<>();
    try (LocalPlatform p = LocalPlatform.start(platform.settings(), SERVICES)) {
      OperatorSetup op = OperatorSetup.of(p, result);
      SeedUitds seed = op.seed();
      AlarmApi alarms = op.alarms();
      KafkaConsumer<String, String> consumer = consumer(p.kafkaBootstrap());
      Thread poller = FireProbe.daemon(() -> poll(consumer), "bench-119-centre");
      poller.start();
      SimulatorConfig config =
          SimulatorConfig.builder(new InetSocketAddress("127.0.0.1", p.ports().gateway()))
              .heartbeat(HeartbeatMode.EMPTY, Duration.ofSeconds(30))
              .retransmission(new RetransmissionPolicy(Duration.ofSeconds(10), 3))
              .ioThreads(1)
              .build();
      List<String> devices = new ArrayList<>(seed.units().keySet());
      try (Fleet fleet =
          Fleet.start(config, seed.specs(), io.fenghuo.simulator.scenario.Scenario.EMPTY)) {
        if (!fleet.awaitConnected(devices.size(), Duration.ofSeconds(60))) {
          throw new IllegalStateException("the seed UITDs did not all connect within 60 s");
        }
        int done = 0;
        int round = 0;
        while (done < warmup + confirmations) {
          // 1. A fire at every unit (one round): each opens an alarm to confirm.
          int n = Math.min(devices.size(), warmup + confirmations - done);
          List<String> units = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            String device = devices.get(i);
            String unit = seed.units().get(device);
            units.add(unit);
            queue(unit).clear();
            List<Long> points = seed.components(device);
            fleet
                .device(i)
                .apply(
                    new DeviceEvent.Change(
                        PointSelector.component(points.get(round % points.size())),
                        Condition.FIRE,
                        true));
          }
          round++;
          // 2. The operator claims and confirms each, one after the other.
          for (String unit : units) {
            String alarmId = queue(unit).poll(30, TimeUnit.SECONDS);
            if (alarmId == null) {
              throw new IllegalStateException("no alarm.raised for " + unit + " within 30 s");
            }
            alarms.post("/api/alarms/" + alarmId + "/claim", null).expect(200);
            CompletableFuture<Arrival> incident =
                incidents.computeIfAbsent(alarmId, k -> new CompletableFuture<>());
            Instant sentAt = Instant.now();
            long t0 = System.nanoTime();
            alarms
                .post(
                    "/api/alarms/" + alarmId + "/confirm",
                    "{\"fireLocation\":\"bench\",\"burningMaterial\":\"电缆\",\"fireSize\":\"小\","
                        + "\"notes\":\"bench confirm-119\"}")
                .expect(200);
            long t1 = System.nanoTime();
            Arrival arrival;
            try {
              arrival = incident.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
              arrival = null;
            }
            boolean measured = done >= warmup;
            done++;
            if (!measured) {
              continue;
            }
            api.recordValue((t1 - t0) / 1_000);
            if (arrival == null) {
              missed++;
              exceptions.add("no incident within 30 s for alarm " + alarmId + " (" + unit + ")");
              continue;
            }
            long micros = Math.max(0, (arrival.nanos() - t0) / 1_000);
            toIncident.recordValue(micros);
            kafkaTime.recordValue(
                Math.max(0, arrival.kafkaMillis() - sentAt.toEpochMilli()) * 1_000);
            if (micros > LIMIT_MICROS) {
              over++;
              exceptions.add(
                  "incident for "
                      + alarmId
                      + " after "
                      + micros / 1000
                      + " ms (sent "
                      + sentAt
                      + ")");
            }
            Thread.sleep(pause.toMillis());
          }
          LocalPlatform.log(
              String.format(
                  "%d/%d confirmations, p50 %.1f ms",
                  done, warmup + confirmations, toIncident.getValueAtPercentile(50) / 1000.0));
        }
      } finally {
        consumer.wakeup();
        poller.join(5_000);
      }
    }
    result
        .parameter("confirmations", confirmations)
        .parameter("warm-up confirmations", warmup)
        .parameter("pause after each incident", pause)
        .parameter("alarms", "fires of op-a's 18 seed UITDs (harness JVM), one round at a time")
        .parameter(
            "confirm body", "fireLocation, burningMaterial, fireSize, notes (no call first)");
    result.latency(
        "confirm-to-incident",
        toIncident,
        "confirm request sent → incident-reported read from fire.119.incident (harness clock)");
    result.latency(
        "confirm-to-incident-kafka",
        kafkaTime,
        "confirm request sent → the incident record's timestamp (CreateTime: set by the"
            + " dispatch-119-service's producer when it sent it; same machine, ms resolution)");
    result.latency("confirm-api", api, "POST …/confirm response time (200)");
    result.metric(
        "over-3s",
        over,
        "",
        "incidents later than GB 50440's 3 s (centre → 119) after the confirm");
    result.metric("missed", missed, "", "confirmations without an incident within 30 s");
    result.note(
        "Per confirmation: POST /api/alarms/{id}/claim, then the clock starts and POST"
            + " /api/alarms/{id}/confirm (as the console's 真实火警 form) is sent; it stops when a"
            + " plain KafkaConsumer (assigned to fire.119.incident, as the 119 centre would read"
            + " it) gets the incident-reported record whose alarmId is the alarm. Path:"
            + " alarm-service (transactional outbox) → fire.op.op-a.alarm alarm.confirmed →"
            + " dispatch-119-service (outbox) → fire.119.incident.");
    result.note(
        "Nobody acknowledges the incidents at 119 during the run, so the dispatch-119-service may"
            + " resend some (attempt 2) later; only the first record per alarm is timed.");
    exceptions.forEach(result::note);
    return result;
  }

  private BlockingQueue<String> queue(String unit) {
    return raised.computeIfAbsent(unit, u -> new LinkedBlockingQueue<>());
  }

  private KafkaConsumer<String, String> consumer(String bootstrap) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-119-centre-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(ALARM_TOPIC, INCIDENT_TOPIC));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (consumer.assignment().stream().map(tp -> tp.topic()).distinct().count() < 2) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no partitions of " + ALARM_TOPIC + " / " + INCIDENT_TOPIC);
      }
      consumer.poll(Duration.ofMillis(200)).forEach(this::onRecord);
    }
    consumer.assignment().forEach(consumer::position); // fix "latest" now, before the first fire
    return consumer;
  }

  private void poll(KafkaConsumer<String, String> consumer) {
    try {
      while (true) {
        consumer.poll(Duration.ofMillis(100)).forEach(this::onRecord);
      }
    } catch (WakeupException stop) {
      // done
    } finally {
      consumer.close();
    }
  }

  private void onRecord(ConsumerRecord<String, String> r) {
    long now = System.nanoTime();
    String type = header(r, "ce_type");
    if (type == null || r.value() == null) {
      return;
    }
    JsonNode data;
    try {
      data = AlarmApi.JSON.readTree(r.value());
    } catch (RuntimeException notJson) {
      return;
    }
    String alarmId = data.path("alarmId").asString();
    if (r.topic().equals(ALARM_TOPIC) && type.endsWith("alarm.raised.v1")) {
      queue(data.path("unit").asString()).add(alarmId);
    } else if (r.topic().equals(INCIDENT_TOPIC) && type.endsWith("incident-reported.v1")) {
      incidents
          .computeIfAbsent(alarmId, k -> new CompletableFuture<>())
          .complete(new Arrival(now, r.timestamp()));
    }
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
