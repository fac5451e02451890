package io.fenghuo.bench.gateway;

import io.fenghuo.bench.Scenario;
import io.fenghuo.bench.local.Child;
import io.fenghuo.bench.local.LocalPlatform;
import io.fenghuo.bench.metrics.KafkaOffsets;
import io.fenghuo.bench.metrics.Prometheus;
import io.fenghuo.bench.report.BenchResult;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.simulator.device.AddressText;
import io.fenghuo.simulator.fleet.FleetGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10, item 2: sustained confirmed frames/s through one gateway-device process with 10,000
 * connected devices, against a plain Kafka producer on the same broker in the same run; confirm
 * latency. See bench/README.md.
 */
@Command(
    name = "ingest",
    description =
        "Gateway ingest: confirmed frames/s with 10,000 devices vs. a plain acks=all producer;"
            + " confirm latency.")
public final class IngestScenario extends Scenario {

  @Option(names = "--devices", defaultValue = "10000", description = "Connected devices.")
  int devices;

  @Option(
      names = "--window",
      defaultValue = "2000",
      description = "Uploads outstanding in the saturation phase (one per device at most).")
  int window;

  @Option(names = "--warmup", defaultValue = "20", description = "Warm-up seconds (closed loop).")
  int warmup;

  @Option(names = "--seconds", defaultValue = "60", description = "Saturation phase seconds.")
  int seconds;

  @Option(names = "--paced", defaultValue = "30", description = "Paced (open loop) phase seconds.")
  int paced;

  @Option(
      names = "--paced-fraction",
      defaultValue = "0.5",
      description = "Paced rate as a fraction of the saturation rate.")
  double pacedFraction;

  @Option(
      names = "--plain-seconds",
      defaultValue = "30",
      description = "Plain producer: measured seconds (after 5 s warm-up).")
  int plainSeconds;

  @Option(
      names = "--gateway-java-opts",
      defaultValue =
          "-Xmx1g -XX:TieredStopAtLevel=4 -Dfenghuo.gateway.max-connections=1000000"
              + " -Dfenghuo.gateway.max-connections-per-source-address=1000000",
      description =
          "Appended to the local run's service JVM flags for the gateway (default: ${DEFAULT-VALUE}).")
  String gatewayJavaOpts;

  @Option(
      names = "--load-java-opts",
      defaultValue = "-Xmx1g",
      description = "The fleet JVM's flags.")
  String loadJavaOpts;

  @Option(names = "--home", defaultValue = ".run/bench", description = "FENGHUO_HOME of the run.")
  Path home;

  @Override
  protected BenchResult measure() throws Exception {
    BenchResult result =
        new BenchResult(
            "ingest",
            "Gateway ingest: confirmed frames/s with "
                + devices
                + " devices vs. a plain acks=all producer");
    LocalPlatform.quietKafkaClients();
    try (LocalPlatform platform =
        LocalPlatform.prepare(
            new LocalPlatform.Settings(
                home, LocalPlatform.Ports.GATEWAY_ONLY, gatewayJavaOpts, false, false, false))) {
      platform.up("");
      String bootstrap = platform.kafkaBootstrap();
      List<DeviceAddress> addresses = new ArrayList<>();
      for (int i = 0; i < devices; i++) {
        addresses.add(
            DeviceAddress.of(
                AddressText.format(FleetGenerator.address(FleetGenerator.DEFAULT_BASE, i))));
      }
      int bound = UnitStreamSeed.bind(bootstrap, addresses);
      platform.up(LocalPlatform.GATEWAY);
      OperatorId op = OperatorId.of(LocalPlatform.OPERATOR);
      String status = TopicNames.of(op, Stream.SIGNAL_STATUS).toString();
      String unregistered = TopicNames.of(op, Stream.SIGNAL_UNREGISTERED).toString();
      long statusBefore = KafkaOffsets.endOf(bootstrap, status);
      long unregisteredBefore = KafkaOffsets.endOf(bootstrap, unregistered);
      Prometheus before = Prometheus.scrape(platform.ports().gatewayHttp());

      Path out = platform.home().resolve("bench-ingest-load.json");
      Files.deleteIfExists(out);
      List<String> args =
          List.of(
              "--centre", "127.0.0.1:" + platform.ports().gateway(),
              "--devices", String.valueOf(devices),
              "--window", String.valueOf(window),
              "--warmup", String.valueOf(warmup),
              "--saturate", String.valueOf(seconds),
              "--paced", String.valueOf(paced),
              "--paced-fraction", String.valueOf(pacedFraction),
              "--out", out.toString());
      int exit;
      try (Child load =
          Child.java(
              List.of(loadJavaOpts.split("\\s+")),
              IngestLoad.class.getName(),
              args,
              platform.home().resolve("logs/bench-ingest-load.log"),
              line -> {
                if (line.startsWith("[ingest-load]")) {
                  System.err.println(line);
                }
              })) {
        exit = load.waitFor(warmup + seconds + paced + 600);
      }
      if (!Files.exists(out)) {
        throw new IllegalStateException(
            "the fleet process ended (exit "
                + exit
                + ") without a result; see "
                + platform.home().resolve("logs/bench-ingest-load.log"));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> load = JsonMapper.builder().build().readValue(out.toFile(), Map.class);
      if (load.containsKey("error")) {
        throw new IllegalStateException("fleet: " + load.get("error") + " " + load);
      }
      Prometheus after = Prometheus.scrape(platform.ports().gatewayHttp());
      long statusRecords = KafkaOffsets.endOf(bootstrap, status) - statusBefore;
      long unregisteredRecords = KafkaOffsets.endOf(bootstrap, unregistered) - unregisteredBefore;

      // the yardstick: same broker, same record shape, a topic laid out like signal.status
      KafkaProbe.RecordShape shape = KafkaProbe.sampleShape(bootstrap, status, 1000);
      int[] layout = KafkaProbe.layout(bootstrap, status);
      String plainTopic = "bench.plain-producer";
      KafkaProbe.createLike(bootstrap, plainTopic, status);
      System.err.println("[bench] plain producer on " + plainTopic + " for " + plainSeconds + " s");
      PlainProducer.Outcome plain =
          PlainProducer.run(bootstrap, plainTopic, shape, 5, plainSeconds);

      @SuppressWarnings("unchecked")
      Map<String, Object> sat = (Map<String, Object>) load.get("saturate");
      @SuppressWarnings("unchecked")
      Map<String, Object> pacedPhase = (Map<String, Object>) load.get("paced");
      double satSeconds = ((Number) sat.get("seconds")).doubleValue();
      long satConfirmed = ((Number) sat.get("confirmed")).longValue();
      double gatewayRate = satConfirmed / satSeconds;
      Histogram satLatency = IngestLoad.decode((String) sat.get("histogramMicros"));
      Histogram pacedLatency = IngestLoad.decode((String) pacedPhase.get("histogramMicros"));
      long framesConfirmedByGateway =
          Math.round(
              after.sum(
                      "fenghuo_gateway_frames_total",
                      Prometheus.label("outcome", "confirmed").and(Prometheus.label("type", "2")))
                  - before.sum(
                      "fenghuo_gateway_frames_total",
                      Prometheus.label("outcome", "confirmed").and(Prometheus.label("type", "2"))));
      double recordsPerFrame =
          framesConfirmedByGateway == 0
              ? Double.NaN
              : statusRecords / (double) framesConfirmedByGateway;

      result
          .parameter("devices", devices)
          .parameter("devicesBound", bound)
          .parameter("window", window)
          .parameter("warmupSeconds", warmup)
          .parameter("saturationSeconds", seconds)
          .parameter("pacedSeconds", paced)
          .parameter("pacedFraction", pacedFraction)
          .parameter("plainSeconds", plainSeconds)
          .parameter("frame", "type 2, one component state (normal), 1 object")
          .parameter("heartbeat", "empty frame every 60 s per device")
          .parameter(
              "signalTopic", status + " (" + layout[0] + " partitions, RF " + layout[1] + ")")
          .parameter(
              "recordShape",
              "key "
                  + shape.keyBytes()
                  + " B, value "
                  + shape.valueBytes()
                  + " B, "
                  + shape.headers().size()
                  + " headers "
                  + shape.headerBytes()
                  + " B (mean of "
                  + shape.sampled()
                  + " signal records)")
          .parameter("plainProducer", "acks=all, idempotent, linger.ms=10, batch 128 KiB, 1 thread")
          .parameter("gatewayJvm", "local run's service flags + " + gatewayJavaOpts)
          .parameter("fleetJvm", loadJavaOpts)
          .parameter("fenghuoHome", platform.home().toString());
      result
          .metric(
              "gateway.confirmedFramesPerSecond",
              gatewayRate,
              "frames/s",
              "frames confirmed per second by one gateway, closed loop, " + window + " outstanding")
          .metric(
              "plain.recordsPerSecond",
              plain.perSecond(),
              "records/s",
              "plain acks=all producer, records of the signal records' shape, same broker")
          .metric(
              "ratio",
              gatewayRate / plain.perSecond(),
              "×",
              "gateway confirmed frames/s ÷ plain producer records/s (figure of merit)")
          .metric(
              "gateway.signalRecordsPerFrame",
              recordsPerFrame,
              "",
              "records on signal.status per type-2 frame the gateway confirmed (whole run)");
      result.latency(
          "gateway.confirm.saturated",
          satLatency,
          "frame sent → confirm received, saturation phase (closed loop)");
      result
          .metric(
              "gateway.paced.offered",
              ((Number) pacedPhase.get("offeredPerSecond")).doubleValue(),
              "frames/s",
              "offered rate of the paced phase (open loop)")
          .metric(
              "gateway.paced.confirmed",
              ((Number) pacedPhase.get("confirmed")).doubleValue(),
              "",
              "frames confirmed in the paced phase (of "
                  + pacedPhase.get("sent")
                  + " sent, "
                  + pacedPhase.get("failed")
                  + " failed)");
      result.latency(
          "gateway.confirm.paced",
          pacedLatency,
          "frame sent → confirm received at "
              + Math.round(pacedFraction * 100)
              + " % of saturation");
      result.latency("plain.ack", plain.latencyMicros(), "plain producer: send → acks=all ack");
      result
          .metric(
              "gateway.retransmittedUploads",
              ((Number) sat.get("retransmitted")).doubleValue()
                  + ((Number) pacedPhase.get("retransmitted")).doubleValue(),
              "",
              "uploads the simulator had to send again (no confirm within 10 s)")
          .metric(
              "gateway.failedUploads",
              ((Number) sat.get("failed")).doubleValue()
                  + ((Number) pacedPhase.get("failed")).doubleValue(),
              "",
              "uploads never confirmed")
          .metric(
              "gateway.deferredFrames",
              after.sum("fenghuo_gateway_frames_total", Prometheus.label("outcome", "deferred"))
                  - before.sum(
                      "fenghuo_gateway_frames_total", Prometheus.label("outcome", "deferred")),
              "",
              "frames left unconfirmed by back-pressure")
          .metric(
              "gateway.backpressureSeconds",
              after.sum("fenghuo_gateway_backpressure_seconds_sum")
                  - before.sum("fenghuo_gateway_backpressure_seconds_sum"),
              "s",
              "time every connection was paused (instance-wide back-pressure)")
          .metric(
              "unregisteredRecords",
              unregisteredRecords,
              "",
              "records on signal.unregistered during the run (0: every device bound)")
          .metric("plain.failed", plain.failed(), "", "plain producer sends that failed")
          .metric(
              "fleet.connectSeconds",
              ((Number) load.get("connectSeconds")).doubleValue(),
              "s",
              "until all " + devices + " devices were connected");
      result
          .note(
              "Bindings: the bench publishes one unit.archive-changed snapshot per device (one UITD"
                  + " per unit) on the compacted "
                  + UnitStreamSeed.unitTopic()
                  + ", as the unit-service would, before the gateway starts; the unit-service does"
                  + " not run.")
          .note(
              "Started with ./fenghuo (FENGHUO_SERVICES=gateway-op-a, FENGHUO_DEMO_FLEET=off, bench"
                  + " ports): Kafka, PostgreSQL, Redis and the gateway as in the local run; the fleet"
                  + " is a separate JVM (IngestLoad on the device-simulator library), the plain"
                  + " producer runs in the bench JVM after the fleet finished.")
          .note(
              "Gateway and plain producer both write with acks=all to the same single broker"
                  + " (replication factor 1, so acks=all waits for the leader only). One frame"
                  + " becomes "
                  + String.format("%.2f", recordsPerFrame)
                  + " signal record(s) on average.")
          .note(
              "All processes (broker, Redis, gateway, fleet, bench) share this machine's "
                  + Runtime.getRuntime().availableProcessors()
                  + " cores, so the fleet's and the broker's CPU use limits the gateway's figure;"
                  + " the plain producer runs without the fleet and the gateway's load.");
      return result;
    }
  }

  /** The bench JVM's Kafka clients log at WARN (slf4j-simple reads this at its first logger). */
}
