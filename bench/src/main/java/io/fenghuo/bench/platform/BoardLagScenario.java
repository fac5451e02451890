package io.fenghuo.bench.platform;

import io.fenghuo.bench.Scenario;
import io.fenghuo.bench.local.LocalPlatform;
import io.fenghuo.bench.metrics.KafkaOffsets;
import io.fenghuo.bench.metrics.Prometheus;
import io.fenghuo.bench.report.BenchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9: 1,000 simulated UITDs with realistic status traffic, and whether the
 * inspection-service's status board stays current: timed faults and recoveries of probe devices,
 * frame → board and frame → fault stream, and at the end the board's open faults against what the
 * devices last sent.
 */
@Command(
    name = "board-lag",
    description =
        "Status board lag: 1,000 bound UITDs with heartbeats and background faults/recoveries"
            + " (simulator JVMs), probe devices' fault and recovery frames → the point's state on"
            + " the inspection-service's board API and fault.opened/closed on the fault stream;"
            + " at the end, the board's open faults against the devices' last states. Starts"
            + " ./fenghuo up.")
public final class BoardLagScenario extends Scenario {

  static final String SERVICES = "unit-service inspection-service gateway-op-a";

  /** The bench units' UITD addresses start with this ({@link BenchUnits#device}). */
  static final String DEVICE_PREFIX = "0c330106";

  @Mixin PlatformOptions platform;

  @Option(
      names = "--devices",
      defaultValue = "1000",
      description = "Background UITDs (bench units 1..N; default ${DEFAULT-VALUE}).")
  int devices;

  @Option(
      names = "--processes",
      defaultValue = "2",
      description = "Simulator JVMs the background devices are split over.")
  int processes;

  @Option(
      names = "--fault-rate",
      defaultValue = "12",
      description =
          "Background component faults per device per hour, each followed by its recovery"
              + " (default ${DEFAULT-VALUE}: one every 5 min per device).")
  double faultRate;

  @Option(
      names = "--recovery-mean",
      defaultValue = "60s",
      description = "Mean time until a background fault recovers (exponential; simulator syntax).")
  String recoveryMean;

  @Option(
      names = "--heartbeat-interval",
      defaultValue = "60s",
      description = "Every device's empty heartbeat interval (simulator syntax).")
  String heartbeat;

  @Option(names = "--probes", defaultValue = "4", description = "Probe devices (timed).")
  int probes;

  @Option(
      names = "--duration",
      defaultValue = "PT4M",
      description = "How long the probes measure while the background runs (ISO-8601).")
  Duration duration;

  @Option(
      names = "--ramp",
      defaultValue = "PT20S",
      description = "Wait after every device connected, before measuring.")
  Duration ramp;

  @Option(
      names = "--hold",
      defaultValue = "PT1S",
      description = "A probe point stays faulty this long after the board showed the fault.")
  Duration hold;

  @Option(
      names = "--pause",
      defaultValue = "PT2S",
      description = "Pause of a probe device between its cycles.")
  Duration pause;

  @Option(
      names = "--poll",
      defaultValue = "PT0.1S",
      description = "Board poll interval of a waiting probe (the lag's resolution).")
  Duration poll;

  @Option(
      names = "--timeout",
      defaultValue = "PT60S",
      description = "A state not shown within this counts as never seen.")
  Duration timeout;

  @Option(
      names = "--settle",
      defaultValue = "PT120S",
      description = "At the end: how long to wait for the board's open faults to match.")
  Duration settle;

  @Override
  protected BenchResult measure() throws Exception {
    BenchResult result =
        new BenchResult(
            "board-lag",
            "Status board lag: fault/recovery frame → inspection-service board and fault stream,"
                + " 1,000 UITDs with background traffic");
    try (LocalPlatform p = LocalPlatform.start(platform.settings(), SERVICES)) {
      p.describe(result);
      AlarmApi units = new AlarmApi(p.ports().unitService(), p.token("admin", null));
      AlarmApi inspection =
          new AlarmApi(
              p.ports().inspectionService(),
              p.token("operator-supervisor", LocalPlatform.OPERATOR));
      int total = devices + probes;
      int added = BenchUnits.ensure(p, units, total);
      if (added > 0) {
        Thread.sleep(10_000); // the gateway and the inspection-service read the new snapshots
      }
      Set<String> openAtStart = openPointFaults(inspection);
      long allOpenAtStart = openFaults(inspection, null);
      LocalPlatform.log(
          openAtStart.size()
              + " open point faults of bench devices at the start ("
              + allOpenAtStart
              + " open faults of op-a in all)");

      String op = LocalPlatform.OPERATOR;
      Path dir = p.home().resolve("bench-board");
      Files.createDirectories(dir);
      List<Path> fleets = new ArrayList<>();
      for (int k = 0; k < processes; k++) {
        int from = 1 + k * devices / processes;
        int to = (k + 1) * devices / processes;
        Path f = dir.resolve("fleet-" + k + ".csv");
        Files.writeString(f, BenchUnits.fleetCsv(from, to));
        fleets.add(f);
      }
      List<String> traffic =
          List.of(
              "--heartbeat",
              "empty",
              "--heartbeat-interval",
              heartbeat,
              "--fault-rate",
              String.valueOf(faultRate),
              "--recovery-mean",
              recoveryMean,
              "--fire-rate",
              "0",
              "--disable-rate",
              "0",
              "--power-fault-rate",
              "0",
              "--operation-rate",
              "0");
      Cycles measured;
      try (StreamWatcher streams =
              StreamWatcher.start(
                  p.kafkaBootstrap(),
                  "fire.op." + op + ".fault",
                  "fire.op." + op + ".signal.status",
                  DEVICE_PREFIX);
          KafkaOffsets offsets = new KafkaOffsets(p.kafkaBootstrap())) {
        String command;
        BoardProbe probe = null;
        try (SimulatorProcesses background =
            SimulatorProcesses.startFleets(
                p.simulatorJar(),
                p.ports().gateway(),
                fleets,
                p.home().resolve("logs"),
                "bench-board",
                traffic)) {
          command = background.commandLine();
          FireLatencyScenario.awaitConnections(p, devices, Duration.ofSeconds(180));
          probe = BoardProbe.start(p.ports().gateway(), devices + 1, probes, inspection, streams);
          FireLatencyScenario.awaitConnections(p, total, Duration.ofSeconds(60));
          awaitQuiet(
              offsets, "fire.op." + op + ".unit", Duration.ofSeconds(10), Duration.ofMinutes(5));
          probe.warmUp(poll, 20);
          LocalPlatform.log("warm-up: every probe's fault shown on its board");
          LocalPlatform.log("ramp " + ramp + "; load average " + LocalPlatform.loadAverage());
          Thread.sleep(ramp.toMillis());
          String load0 = LocalPlatform.loadAverage();
          long[] u0 = background.uploads();
          Prometheus m0 = p.gatewayMetrics();
          long k0 = offsets.end("fire.op." + op + ".signal.status");
          long s0 = System.nanoTime();
          LocalPlatform.log(
              "measuring "
                  + duration
                  + ": "
                  + probes
                  + " probe devices, "
                  + devices
                  + " background devices");
          probe.run(System.nanoTime() + duration.toNanos(), hold, pause, poll, timeout);
          long s1 = System.nanoTime();
          Prometheus m1 = p.gatewayMetrics();
          long k1 = offsets.end("fire.op." + op + ".signal.status");
          String load1 = LocalPlatform.loadAverage();
          Thread.sleep(10_500); // one more progress line of every simulator
          long[] u1 = background.uploads();
          if (!background.allAlive()) {
            result.note("A background simulator process ended early (see its log).");
          }
          measured = new Cycles(probe, s1 - s0, m0, m1, k1 - k0, u0, u1, load0, load1, command);
        } finally {
          if (probe != null) {
            probe.close();
          }
        }
        // the background JVMs and the probes are stopped: nothing changes a point any more
        Thread.sleep(3_000);
        EndCheck end = endCheck(inspection, streams, openAtStart);
        measured.report(result, this, end, openAtStart.size());
        if (streams.failure() != null) {
          result.note("The stream watcher failed: " + streams.failure());
        }
      }
    }
    return result;
  }

  /**
   * Waits until the topic's end offset has not moved for {@code quiet} (the unit-service's outbox
   * has published the snapshots of the units just seeded), at most {@code max}.
   */
  static void awaitQuiet(KafkaOffsets offsets, String topic, Duration quiet, Duration max)
      throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    long end = offsets.end(topic);
    long since = System.nanoTime();
    while (System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      long now = offsets.end(topic);
      if (now != end) {
        end = now;
        since = System.nanoTime();
      } else if (System.nanoTime() - since >= quiet.toNanos()) {
        LocalPlatform.log(topic + " quiet at " + end + " records");
        return;
      }
    }
    LocalPlatform.log(topic + " still growing after " + max + " (" + end + " records)");
  }

  /** The end check: probe points normal, open faults as the devices' last states say. */
  record EndCheck(
      int expected,
      int actual,
      List<String> missing,
      List<String> extra,
      double seconds,
      int probePointsNotNormal,
      int statusPointsSeen) {}

  private EndCheck endCheck(AlarmApi inspection, StreamWatcher streams, Set<String> openAtStart)
      throws Exception {
    long t0 = System.nanoTime();
    var states = streams.lastStates();
    Set<String> expected = BoardRecords.expectedOpen(openAtStart, states);
    Set<String> actual = Set.of();
    long deadline = t0 + settle.toNanos();
    while (true) {
      actual = openPointFaults(inspection);
      if (actual.equals(expected) || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(2_000);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    int notNormal = 0;
    for (int n = devices + 1; n <= devices + probes; n++) {
      JsonNode board =
          inspection.get("/api/units/" + BenchUnits.unitId(n) + "/board").expect(200).body();
      for (long c : BenchUnits.components()) {
        String s = BoardRecords.boardState(board, BenchUnits.device(n), c);
        if (s != null && !s.equals("NORMAL")) {
          notNormal++;
        }
      }
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    LocalPlatform.log(
        String.format(
            "end: %d open point faults expected, %d open on the inspection-service after %.1f s;"
                + " %d probe points not normal",
            expected.size(), actual.size(), seconds, notNormal));
    return new EndCheck(
        expected.size(),
        actual.size(),
        List.copyOf(missing),
        List.copyOf(extra),
        seconds,
        notNormal,
        states.size());
  }

  /** Point keys of the open POINT_FAULTs of the bench devices (every page). */
  static Set<String> openPointFaults(AlarmApi inspection) throws Exception {
    Set<String> out = new HashSet<>();
    for (int page = 0; ; page++) {
      JsonNode body =
          inspection
              .get("/api/faults?state=open&kind=POINT_FAULT&size=200&page=" + page)
              .expect(200)
              .body();
      JsonNode items = body.path("items");
      for (JsonNode f : items) {
        String device = f.path("device").asString("");
        JsonNode c = f.path("point").path("componentAddress");
        if (device.startsWith(DEVICE_PREFIX) && c.isNumber()) {
          out.add(BoardRecords.pointKey(device, c.asLong()));
        }
      }
      if (items.size() < 200) {
        return out;
      }
    }
  }

  /** The number of open faults of a kind (all kinds if null), as the API counts them. */
  static long openFaults(AlarmApi inspection, String kind) throws Exception {
    return inspection
        .get("/api/faults?state=open&size=1" + (kind == null ? "" : "&kind=" + kind))
        .expect(200)
        .body()
        .path("total")
        .asLong(-1);
  }

  /** What the measuring phase produced, turned into the result. */
  private record Cycles(
      BoardProbe probe,
      long nanos,
      Prometheus m0,
      Prometheus m1,
      long statusRecords,
      long[] u0,
      long[] u1,
      String load0,
      String load1,
      String command) {

    void report(BenchResult result, BoardLagScenario s, EndCheck end, int openAtStart) {
      List<BoardProbe.Cycle> cycles = probe.cycles();
      double seconds = nanos / 1e9;
      result
          .parameter(
              "background devices",
              s.devices + " bench units' UITDs in " + s.processes + " simulator JVMs")
          .parameter("probe devices", s.probes + " bench units' UITDs in the harness JVM")
          .parameter("background faults per device per hour", s.faultRate)
          .parameter("background recovery mean", s.recoveryMean)
          .parameter("heartbeat", "empty, every " + s.heartbeat)
          .parameter("measuring time", s.duration)
          .parameter(
              "probe hold / pause / board poll / timeout",
              s.hold + " / " + s.pause + " / " + s.poll + " / " + s.timeout)
          .parameter("background simulator", command)
          .parameter("load average at the start / end of measuring", load0 + " — " + load1);
      BoardLagStats.report(result, cycles);
      result.metric("cycles", cycles.size(), "", "probe fault + recovery cycles measured");
      double frames2 =
          rate(m0, m1, "fenghuo_gateway_frames_total", l -> "2".equals(l.get("type")), seconds);
      result.metric(
          "background.component-frames-per-second",
          frames2,
          "frames/s",
          "component state frames (type 2: faults and recoveries, background and probes) the"
              + " gateway received while measuring (gateway metrics)");
      result.metric(
          "background.frames-per-second",
          rate(m0, m1, "fenghuo_gateway_frames_total", l -> true, seconds),
          "frames/s",
          "every frame the gateway received while measuring (heartbeats included)");
      result.metric(
          "background.status-records-per-second",
          statusRecords / seconds,
          "records/s",
          "records written to fire.op.op-a.signal.status while measuring (broker offsets)");
      long sent = u1[0] - u0[0];
      result.metric(
          "background.uploads-per-second",
          sent / seconds,
          "uploads/s",
          "the background simulators' own count of uploads sent (fault and recovery frames and"
              + " heartbeats), from their 10 s progress lines (±10 s)");
      result.metric(
          "background.uploads-failed",
          u1[2] - u0[2],
          "",
          "background uploads that failed after the simulator's retries");
      result.metric(
          "background.offered-faults-per-second",
          s.devices * s.faultRate / 3600,
          "faults/s",
          "offered: devices × fault rate (each followed by a recovery)");
      result.metric(
          "board.mean-get",
          probe.meanBoardGetMillis(),
          "ms",
          "mean response time of the probes' board GETs ("
              + probe.boardGets()
              + " GETs, "
              + probe.boardErrors()
              + " errors)");
      result.metric(
          "end.expected-open",
          end.expected(),
          "",
          "open POINT_FAULTs of the bench devices to expect at the end: the points whose last state"
              + " on fire.op.op-a.signal.status showed a fault, plus those open at the start ("
              + openAtStart
              + ") that sent nothing since");
      result.metric(
          "end.actual-open",
          end.actual(),
          "",
          "open POINT_FAULTs of the bench devices on GET /api/faults after settling ("
              + String.format("%.1f s", end.seconds())
              + ")");
      result.metric(
          "end.mismatched",
          end.missing().size() + end.extra().size(),
          "",
          "points expected open but not ("
              + end.missing().size()
              + ") or open but not expected ("
              + end.extra().size()
              + ")");
      result.metric(
          "end.probe-points-not-normal",
          end.probePointsNotNormal(),
          "",
          "probe points whose board state is not NORMAL at the end (all were recovered)");
      result.metric(
          "end.settle-seconds",
          end.seconds(),
          "s",
          "from stopping every device until the open faults matched (or --settle ran out)");
      boolean current =
          end.missing().isEmpty() && end.extra().isEmpty() && end.probePointsNotNormal() == 0;
      result.note(
          current
              ? "The board is current at the end: every probe point is NORMAL and the open"
                  + " component faults of the bench devices are exactly those their last states"
                  + " show ("
                  + end.expected()
                  + ", over "
                  + end.statusPointsSeen()
                  + " points that reported while the run went on)."
              : "The board was NOT current at the end: missing "
                  + sample(end.missing())
                  + ", extra "
                  + sample(end.extra())
                  + ", "
                  + end.probePointsNotNormal()
                  + " probe points not normal.");
      result.note(
          "Lag = System.nanoTime() at the harness, from handing the frame to the simulated UITD"
              + " until the first response of GET /api/units/{unit}/board (token of an op-a"
              + " operator-supervisor) that shows the point's new state: an upper bound, the"
              + " board is polled every "
              + s.poll
              + " (plus the GET's own time, mean "
              + String.format("%.0f ms", probe.meanBoardGetMillis())
              + "). Path: UITD →"
              + " gateway-op-a (confirm after Kafka acks=all) → fire.op.op-a.signal.status →"
              + " inspection-service (batch transaction: board + fault record + outbox) → board"
              + " API; the fault stream's fault.opened/closed leave through the outbox after"
              + " the commit.");
      result.note(
          "No GB 50440 limit applies to this figure: 3.0.2's 20 s is for fire alarms (UITD →"
              + " centre display). For reference only: GB 26875.1 wants a UITD to send facility"
              + " status within 10 s (the device's own time), GB 25506 a control-room display"
              + " within 100 s; the over-10s and over-20s counts are given beside the"
              + " percentiles.");
      result.note(
          "Background: bench units U-330106-C0001… of op-a, seeded through the unit-service API"
              + " (one building, one panel, 10 points each); component faults at random points"
              + " as a Poisson process, each recovered after an exponential time; no fires,"
              + " disables or power faults. Every device also sends its empty heartbeat.");
    }

    private static String sample(List<String> points) {
      return points.size()
          + (points.isEmpty() ? "" : " " + points.subList(0, Math.min(5, points.size())));
    }

    private static double rate(
        Prometheus a,
        Prometheus b,
        String name,
        java.util.function.Predicate<java.util.Map<String, String>> labels,
        double seconds) {
      if (a == null || b == null) {
        return Double.NaN;
      }
      return (b.sum(name, labels) - a.sum(name, labels)) / seconds;
    }
  }
}
