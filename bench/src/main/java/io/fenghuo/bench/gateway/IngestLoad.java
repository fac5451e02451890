package io.fenghuo.bench.gateway;

import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.ComponentAddress;
import io.fenghuo.gb26875.adu.ComponentState;
import io.fenghuo.gb26875.adu.ComponentStateBit;
import io.fenghuo.gb26875.adu.ComponentStatus;
import io.fenghuo.gb26875.adu.ComponentType;
import io.fenghuo.gb26875.adu.SystemType;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.simulator.Fleet;
import io.fenghuo.simulator.SimulatorConfig;
import io.fenghuo.simulator.fleet.FleetGenerator;
import io.fenghuo.simulator.scenario.Scenario;
import io.fenghuo.simulator.session.Delivery;
import io.fenghuo.simulator.session.HeartbeatMode;
import io.fenghuo.simulator.session.SimulatedDevice;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * The device side of {@code ingest}, run as its own JVM ({@code java -cp bench.jar
 * io.fenghuo.bench.gateway.IngestLoad}) so the gateway is measured in a process of its own. A fleet
 * of simulated UITDs (device-simulator, 60 s empty heartbeats) connects; then each upload is one
 * type-2 frame with one component state (normal), sent by a device of the fleet in turn:
 *
 * <ol>
 *   <li><b>warm-up</b>, closed loop, not recorded;
 *   <li><b>saturation</b>, closed loop with {@code window} uploads outstanding (each device at most
 *       one): the sustained confirmed frames/s and the confirm latency at that load;
 *   <li><b>paced</b>, open loop at a fixed rate ({@code fraction} of the saturation rate): the
 *       confirm latency below saturation, free of the closed loop's coordinated omission.
 * </ol>
 *
 * <p>Latency is the simulator's {@link Delivery#latency()}: first transmission → confirm read.
 * Results go as JSON to {@code --out}.
 */
@Command(name = "ingest-load", mixinStandardHelpOptions = true)
public final class IngestLoad implements java.util.concurrent.Callable<Integer> {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Option(names = "--centre", required = true)
  String centre;

  @Option(names = "--devices", defaultValue = "10000")
  int devices;

  @Option(names = "--connect-rate", defaultValue = "1000")
  double connectRate;

  @Option(names = "--io-threads", defaultValue = "2")
  int ioThreads;

  @Option(names = "--window", defaultValue = "2000")
  int window;

  @Option(names = "--warmup", defaultValue = "20")
  int warmupSeconds;

  @Option(names = "--saturate", defaultValue = "60")
  int saturateSeconds;

  @Option(names = "--paced", defaultValue = "30")
  int pacedSeconds;

  @Option(names = "--paced-fraction", defaultValue = "0.5")
  double pacedFraction;

  @Option(names = "--out", required = true)
  Path out;

  private List<SimulatedDevice> fleetDevices;
  private final AtomicLong next = new AtomicLong();

  public static void main(String[] args) {
    System.exit(new CommandLine(new IngestLoad()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    String[] hp = centre.split(":");
    SimulatorConfig config =
        SimulatorConfig.builder(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])))
            .heartbeat(HeartbeatMode.EMPTY, Duration.ofSeconds(60))
            .connectRate(connectRate)
            .ioThreads(ioThreads)
            .build();
    Map<String, Object> result = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    try (Fleet fleet =
        Fleet.start(
            config,
            FleetGenerator.generate(
                devices, FleetGenerator.DEFAULT_BASE, 2, DeviceProfile.STANDARD),
            Scenario.EMPTY)) {
      fleetDevices = fleet.devices();
      boolean all =
          fleet.awaitConnected(
              devices, Duration.ofSeconds(60 + (long) (devices / connectRate) * 3));
      result.put("connectSeconds", (System.nanoTime() - t0) / 1e9);
      result.put("connected", fleet.metrics().connectedNow());
      progress("connected " + fleet.metrics().connectedNow() + "/" + devices);
      if (!all) {
        result.put("error", "not every device connected");
        write(result);
        return 1;
      }
      closedLoop(warmupSeconds, "warmup");
      Phase saturate = closedLoop(saturateSeconds, "saturate");
      result.put("saturate", saturate.asMap());
      double rate = saturate.confirmed.get() / saturate.seconds * pacedFraction;
      Phase paced = openLoop(pacedSeconds, rate);
      result.put("paced", paced.asMap());
      result.put("simulator", fleet.report("before-stop").toJson());
    }
    write(result);
    return 0;
  }

  private void write(Map<String, Object> result) throws java.io.IOException {
    Files.writeString(out, JsonMapper.builder().build().writeValueAsString(result));
  }

  private static void progress(String line) {
    System.out.println("[ingest-load] " + line);
    System.out.flush();
  }

  /** What one phase saw. */
  static final class Phase {
    final String name;
    final Recorder latency = new Recorder(3);
    final AtomicLong confirmed = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong retransmitted = new AtomicLong();
    long sent;
    double seconds;
    double offeredPerSecond;
    Histogram histogram;

    Phase(String name) {
      this.name = name;
    }

    void done(Delivery d) {
      if (d.confirmed()) {
        confirmed.incrementAndGet();
        latency.recordValue(Math.max(1, d.latency().toNanos() / 1000));
      } else {
        failed.incrementAndGet();
      }
      if (d.retransmissions() > 0) {
        retransmitted.incrementAndGet();
      }
    }

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("seconds", seconds);
      m.put("sent", sent);
      m.put("confirmed", confirmed.get());
      m.put("failed", failed.get());
      m.put("retransmitted", retransmitted.get());
      m.put("offeredPerSecond", offeredPerSecond);
      ByteBuffer buf = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
      int n = histogram.encodeIntoCompressedByteBuffer(buf);
      m.put(
          "histogramMicros",
          Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), n)));
      return m;
    }
  }

  static Histogram decode(String base64) throws java.util.zip.DataFormatException {
    return Histogram.decodeFromCompressedByteBuffer(
        ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
  }

  private SimulatedDevice nextDevice() {
    return fleetDevices.get((int) (next.getAndIncrement() % fleetDevices.size()));
  }

  private static TypedData frame() {
    return TypedData.of(
        TypeFlag.COMPONENT_STATE,
        new ComponentStatus(
            SystemType.FIRE_ALARM_SYSTEM,
            1,
            ComponentType.SMOKE_DETECTOR,
            ComponentAddress.of(0x0001_0001L),
            ComponentState.of(ComponentStateBit.NORMAL),
            "L1-P1 点型光电感烟火灾探测器",
            TimeLabel.of(LocalDateTime.now(ZONE).withNano(0))));
  }

  /** Keeps {@code window} uploads outstanding for {@code seconds}; waits for the last ones. */
  private Phase closedLoop(int seconds, String name) throws InterruptedException {
    Phase phase = new Phase(name);
    Semaphore permits = new Semaphore(window);
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    long sent = 0;
    while (System.nanoTime() < end) {
      if (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        continue;
      }
      sent++;
      nextDevice()
          .send(frame())
          .whenComplete(
              (d, e) -> {
                if (d != null) {
                  phase.done(d);
                } else {
                  phase.failed.incrementAndGet();
                }
                permits.release();
              });
    }
    phase.seconds = (System.nanoTime() - start) / 1e9;
    phase.histogram = phase.latency.getIntervalHistogram();
    long confirmedAtEnd = phase.confirmed.get();
    // the rate counts what was confirmed within the phase; the stragglers only finish it
    permits.tryAcquire(window, 60, TimeUnit.SECONDS);
    phase.sent = sent;
    phase.histogram.add(phase.latency.getIntervalHistogram());
    phase.confirmed.set(confirmedAtEnd);
    progress(
        String.format(
            "%s: %d confirmed in %.1f s = %.0f frames/s, p99 %.1f ms",
            name,
            confirmedAtEnd,
            phase.seconds,
            confirmedAtEnd / phase.seconds,
            phase.histogram.getValueAtPercentile(99) / 1000.0));
    return phase;
  }

  /** Sends at a fixed rate for {@code seconds} whatever comes back (open loop). */
  private Phase openLoop(int seconds, double perSecond) throws InterruptedException {
    Phase phase = new Phase("paced");
    phase.offeredPerSecond = perSecond;
    long gap = (long) (1e9 / perSecond);
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    long due = start;
    long sent = 0;
    while (due < end) {
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      sent++;
      nextDevice()
          .send(frame())
          .whenComplete(
              (d, e) -> {
                if (d != null) {
                  phase.done(d);
                } else {
                  phase.failed.incrementAndGet();
                }
              });
      due += gap;
    }
    phase.seconds = (System.nanoTime() - start) / 1e9;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (phase.confirmed.get() + phase.failed.get() < sent && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    phase.sent = sent;
    phase.histogram = phase.latency.getIntervalHistogram();
    progress(
        String.format(
            "paced at %.0f/s: %d of %d confirmed, p99 %.1f ms",
            perSecond,
            phase.confirmed.get(),
            sent,
            phase.histogram.getValueAtPercentile(99) / 1000.0));
    return phase;
  }
}
