package io.fenghuo.inspection;

import static io.fenghuo.inspection.support.Bus.anOperator;
import static io.fenghuo.inspection.support.Bus.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.kafka.CloudEventsSerializer;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.signal.StatusChanged;
import io.fenghuo.contracts.signal.StatusSource;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.contracts.unit.UnitCategory;
import io.fenghuo.inspection.support.Bus;
import io.fenghuo.inspection.support.RunningService;
import io.fenghuo.inspection.support.Statements;
import io.fenghuo.testkit.TestInfrastructure;
import io.fenghuo.testkit.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * 1,000 UITDs' worth of status traffic through Kafka (generated signals, not the simulator): 50
 * units of 20 UITDs with 5 detectors each; one detector of every UITD reports a fault and then its
 * recovery, at a steady rate. Measures the lag from the signal's receipt at the gateway to the
 * board update and checks that the board ends current: every fault opened and closed again.
 */
class BoardLoadIT extends RunningService {

  private static final Logger log = LoggerFactory.getLogger(BoardLoadIT.class);
  private static final int UNITS = 50;
  private static final int DEVICES_PER_UNIT = 20;
  private static final int POINTS = 5;

  /** Points per device that report a fault and then its recovery. */
  private static final int REPORTING = 1;

  /**
   * Signals sent per second; {@code -Dboardload.rate=5000} measures the drain rate of a backlog.
   */
  private static final int RATE_PER_SECOND = Integer.getInteger("boardload.rate", 200);

  @Test
  void theBoardStaysCurrentUnderTheStatusTrafficOfAThousandDevices() throws Exception {
    String operator = anOperator();
    Bus.createTopics(operator, 3);
    List<DeviceAddress> devices = new ArrayList<>();
    List<EventEnvelope<?>> units = new ArrayList<>();
    for (int u = 0; u < UNITS; u++) {
      List<UnitArchiveChanged.DeviceBinding> bindings = new ArrayList<>();
      List<UnitArchiveChanged.PointLocation> points = new ArrayList<>();
      for (int d = 0; d < DEVICES_PER_UNIT; d++) {
        DeviceAddress device = DeviceAddress.of(String.format("%06x%06x", u + 1, d + 1));
        devices.add(device);
        bindings.add(new UnitArchiveChanged.DeviceBinding(device, "UITD", null));
        for (int p = 1; p <= POINTS; p++) {
          points.add(
              new UnitArchiveChanged.PointLocation(
                  device, Bus.detector(p), "点位 " + p, "B1", 1 + p % 3, null));
        }
      }
      units.add(
          envelope(
              operator,
              new UnitArchiveChanged(
                  UnitId.of("U-" + operator + "-" + u),
                  1,
                  Instant.now(),
                  "单位 " + u,
                  null,
                  UnitCategory.OTHER,
                  "330106",
                  "杭州市西湖区 " + u + " 号",
                  null,
                  null,
                  null,
                  null,
                  null,
                  List.of(),
                  null,
                  null,
                  List.of(new UnitArchiveChanged.Building("B1", "1号楼", 6, 0)),
                  bindings,
                  List.of(),
                  points)));
    }
    Bus.send(Stream.UNIT, units);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc.sql("select count(*) from device where operator = ?")
                        .param(operator)
                        .query(Long.class)
                        .single()
                    == UNITS * DEVICES_PER_UNIT);

    // A fault on one point of every device, then its recovery: 2,000 status signals in all.
    List<int[]> plan = new ArrayList<>();
    for (int phase = 0; phase < 2; phase++) {
      for (int p = 1; p <= REPORTING; p++) {
        for (int d = 0; d < devices.size(); d++) {
          plan.add(new int[] {phase, p, d});
        }
      }
    }
    Properties props = new Properties();
    props.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    Random random = new Random(42);
    String loadBefore = loadAverage();
    long jvmCpu = jvmCpuNanos();
    long pgCpu = postgresCpuTicks();
    Statements.reset();
    long start = System.nanoTime();
    try (var producer =
        new KafkaProducer<String, EventEnvelope<?>>(
            props, new StringSerializer(), new CloudEventsSerializer())) {
      for (int i = 0; i < plan.size(); i++) {
        long due = start + (long) i * 1_000_000_000L / RATE_PER_SECOND;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
        int[] step = plan.get(i);
        Instant now = Instant.now();
        StatusChanged status =
            new StatusChanged(
                devices.get(step[2]),
                StatusSource.COMPONENT,
                PointRef.component(1, 1, 40, step[1]),
                step[0] == 0 ? Set.of(StateFlag.FAULT) : Set.of(),
                step[0] == 0 ? 5 : 1,
                null,
                now.minusMillis(random.nextInt(500)),
                now,
                i % 65536);
        EventEnvelope<StatusChanged> e = envelope(operator, status);
        producer.send(
            new ProducerRecord<>(
                TopicNames.of(e.operator(), Stream.SIGNAL_STATUS).toString(), e.key(), e));
      }
      producer.flush();
    }
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    int total = plan.size();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                jdbc.sql("select count(*) from status_history where operator = ?")
                        .param(operator)
                        .query(Long.class)
                        .single()
                    == total);
    double drainSeconds = (System.nanoTime() - start) / 1e9;
    double jvmCpuMs = (jvmCpuNanos() - jvmCpu) / 1e6;
    double pgCpuMs = (postgresCpuTicks() - pgCpu) * 10.0;
    long statements = Statements.total();
    long commits = Statements.commits();
    Map<String, Long> byStatement = Statements.byStatement();

    Map<String, Object> lag =
        jdbc.sql(
                "select percentile_cont(0.5) within group (order by ms) p50,"
                    + " percentile_cont(0.99) within group (order by ms) p99, max(ms) max,"
                    + " extract(epoch from max(recorded_at) - min(recorded_at)) busy from (select"
                    + " extract(epoch from recorded_at - received_at) * 1000 ms, recorded_at from"
                    + " status_history where operator = ?) l")
            .param(operator)
            .query()
            .singleRow();
    log.info(
        "board lag over {} status signals of {} devices sent at {}/s in {} s (drained after {}"
            + " s): p50 {} ms, p99 {} ms, max {} ms",
        total,
        devices.size(),
        RATE_PER_SECOND,
        String.format("%.1f", sendSeconds),
        String.format("%.1f", drainSeconds),
        Math.round(((Number) lag.get("p50")).doubleValue()),
        Math.round(((Number) lag.get("p99")).doubleValue()),
        Math.round(((Number) lag.get("max")).doubleValue()));
    log.info(
        "processed {} signals/s from the first board write to the last ({} s)",
        String.format("%.0f", total / ((Number) lag.get("busy")).doubleValue()),
        String.format("%.1f", ((Number) lag.get("busy")).doubleValue()));
    log.info(
        "drained {} signals/s; {} SQL statements ({} per signal, {} batched rows), {} commits until"
            + " drained; load average before {}, after {}",
        String.format("%.0f", total / drainSeconds),
        statements,
        String.format("%.2f", (double) statements / total),
        Statements.batchedRows(),
        commits,
        loadBefore,
        loadAverage());
    log.info(
        "CPU until drained (test JVM with the service and Kafka / PostgreSQL server): {} ms / {} ms,"
            + " {} ms / {} ms per signal",
        Math.round(jvmCpuMs),
        Math.round(pgCpuMs),
        String.format("%.2f", jvmCpuMs / total),
        String.format("%.2f", pgCpuMs / total));
    byStatement.forEach((sql, n) -> log.info("  {} x {}", String.format("%6d", n), sql));

    // The board is current: every reporting detector normal again, every fault opened and closed.
    // (The lag is measured and logged, not asserted: the machine is shared.)
    assertThat(
            jdbc.sql(
                    "select count(*) from point_state where operator = ? and source = 'COMPONENT'"
                        + " and flags = ''")
                .param(operator)
                .query(Long.class)
                .single())
        .isEqualTo((long) devices.size() * REPORTING);
    assertThat(
            jdbc.sql("select count(*) from fault where operator = ? and closed_at is not null")
                .param(operator)
                .query(Long.class)
                .single())
        .isEqualTo((long) devices.size() * REPORTING);
    assertThat(api.get("/api/faults?size=1", Tokens.operator(operator)).get("total").asLong())
        .isZero();
    JsonNode board =
        api.get("/api/units/U-" + operator + "-7/board", Tokens.operator(operator)).body();
    assertThat(board.get("summary").get("points").asInt()).isEqualTo(DEVICES_PER_UNIT * POINTS);
    assertThat(board.get("summary").get("abnormalPoints").asInt()).isZero();
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU ticks (1/100 s) of the PostgreSQL server: its processes and the children it reaped. Read
   * from /proc; 0 where there is none.
   */
  private long postgresCpuTicks() {
    try {
      int backend = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
      String postmaster = stat(Path.of("/proc/" + backend + "/stat"))[1];
      String[] own = stat(Path.of("/proc/" + postmaster + "/stat"));
      long ticks = Long.parseLong(own[13]) + Long.parseLong(own[14]);
      try (var procs = Files.list(Path.of("/proc"))) {
        for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
          try {
            String[] f = stat(p.resolve("stat"));
            if (f[1].equals(postmaster)) {
              ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
          } catch (java.io.IOException gone) {
            // exited meanwhile
          }
        }
      }
      return ticks;
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
  }

  /** The fields of a /proc stat file after the command name, from the state (field 3) on. */
  private static String[] stat(Path file) throws java.io.IOException {
    String text = Files.readString(file);
    return text.substring(text.lastIndexOf(')') + 2).split(" ");
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
