package io.fenghuo.bench.platform;

import io.fenghuo.bench.local.LocalPlatform;
import io.fenghuo.gb26875.session.RetransmissionPolicy;
import io.fenghuo.simulator.Fleet;
import io.fenghuo.simulator.SimulatorConfig;
import io.fenghuo.simulator.device.Condition;
import io.fenghuo.simulator.device.DeviceEvent;
import io.fenghuo.simulator.device.PointSelector;
import io.fenghuo.simulator.scenario.Scenario;
import io.fenghuo.simulator.session.HeartbeatMode;
import io.fenghuo.simulator.session.SimulatedDevice;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fire alarms from an operator's seed UITDs, simulated in the harness JVM, timed from the moment
 * the frame is handed to the device until the new-alarm line of its unit is read from the console's
 * live stream. The units take turns; after each measured fire its alarm is closed as a test through
 * the alarm-service API (in the background), so that the unit's next fire opens a new alarm (the
 * alarm-service groups a unit's fires into its open alarm, which would raise nothing new).
 */
final class FireProbe implements AutoCloseable {

  /**
   * One fire: when it was sent (wall clock and {@link System#nanoTime()}), and how long until its
   * line was seen (-1 if never).
   */
  record Fire(
      Instant sentAt,
      long sentNanos,
      String unit,
      long micros,
      boolean deviceConfirmed,
      long confirmMicros,
      int retransmissions) {
    boolean seen() {
      return micros >= 0;
    }
  }

  private final Fleet fleet;
  private final List<String> devices;
  private final Map<String, String> units;
  private final SeedUitds seed;
  private final ConsoleSession live;
  private final AlarmApi alarms;
  private final ExecutorService closer =
      Executors.newSingleThreadExecutor(r -> daemon(r, "probe-close"));
  private final Map<String, CompletableFuture<Void>> closing = new ConcurrentHashMap<>();
  private final Map<String, Integer> nextPoint = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final AtomicInteger turn = new AtomicInteger();

  private FireProbe(Fleet fleet, SeedUitds seed, ConsoleSession live, AlarmApi alarms) {
    this.fleet = fleet;
    this.seed = seed;
    this.devices = new ArrayList<>(seed.units().keySet());
    this.units = seed.units();
    this.live = live;
    this.alarms = alarms;
  }

  /** Connects the seed UITDs to the gateway (as devices do: GB/T 26875.3 defaults). */
  static FireProbe start(int gatewayPort, SeedUitds seed, ConsoleSession live, AlarmApi alarms)
      throws InterruptedException {
    SimulatorConfig config =
        SimulatorConfig.builder(new InetSocketAddress("127.0.0.1", gatewayPort))
            .heartbeat(HeartbeatMode.EMPTY, Duration.ofSeconds(30))
            .retransmission(new RetransmissionPolicy(Duration.ofSeconds(10), 3))
            .ioThreads(1)
            .build();
    Fleet fleet = Fleet.start(config, seed.specs(), Scenario.EMPTY);
    FireProbe probe = new FireProbe(fleet, seed, live, alarms);
    if (!fleet.awaitConnected(seed.units().size(), Duration.ofSeconds(60))) {
      probe.close();
      throw new IllegalStateException("the seed UITDs did not all connect within 60 s");
    }
    return probe;
  }

  /**
   * Fires until one is seen on the live stream (on a fresh platform the console notices the alarm
   * topic, created by the first alarm, only at its next metadata refresh), then {@code fires} more;
   * none of them measured.
   */
  void warmUp(int fires, Duration pause) throws Exception {
    for (int attempt = 1; !fire(Duration.ofSeconds(15)).seen(); attempt++) {
      if (attempt == 20) {
        throw new IllegalStateException("no fire reached the console's live stream in 20 attempts");
      }
      LocalPlatform.log("warm-up: fire not seen yet (attempt " + attempt + ")");
    }
    for (int i = 0; i < fires; i++) {
      fire(Duration.ofSeconds(30));
      Thread.sleep(pause.toMillis());
    }
    drain();
  }

  int devices() {
    return devices.size();
  }

  /**
   * Sends one fire from the next unit's UITD and waits up to {@code timeout} for its line. The
   * previous alarm of that unit is closed first (waited for). Thread-safe: fires of different units
   * may run at the same time; a unit's fires run one after the other.
   */
  Fire fire(Duration timeout) throws Exception {
    String device = devices.get(Math.floorMod(turn.getAndIncrement(), devices.size()));
    synchronized (locks.computeIfAbsent(device, d -> new Object())) {
      return fire(device, timeout);
    }
  }

  private Fire fire(String device, Duration timeout) throws Exception {
    String unit = units.get(device);
    CompletableFuture<Void> pending = closing.remove(unit);
    if (pending != null) {
      pending.get(60, TimeUnit.SECONDS);
    }
    List<Long> points = seed.components(device);
    int i = nextPoint.merge(device, 1, Integer::sum) - 1;
    long component = points.get(i % points.size());
    SimulatedDevice uitd = fleet.device(devices.indexOf(device));
    live.clear(unit);
    Instant sentAt = Instant.now();
    long t0 = System.nanoTime();
    var delivery =
        uitd.apply(
            new DeviceEvent.Change(PointSelector.component(component), Condition.FIRE, true));
    ConsoleSession.Arrival seen = live.awaitRaised(unit, timeout);
    long micros = seen == null ? -1 : Math.max(0, (seen.nanos() - t0) / 1_000);
    boolean confirmed;
    long confirmMicros = -1;
    int retransmissions = 0;
    try {
      var deliveries = delivery.get(seen == null ? 1 : 40, TimeUnit.SECONDS);
      confirmed = !deliveries.isEmpty() && deliveries.stream().allMatch(d -> d.confirmed());
      retransmissions = deliveries.stream().mapToInt(d -> d.retransmissions()).sum();
      if (confirmed) {
        confirmMicros =
            deliveries.stream().mapToLong(d -> d.latency().toNanos() / 1_000).max().orElse(-1);
      }
    } catch (java.util.concurrent.TimeoutException e) {
      confirmed = false;
    }
    String alarmId = seen == null ? null : seen.alarmId();
    closing.put(
        unit,
        CompletableFuture.runAsync(
            () -> {
              try {
                if (alarmId != null) {
                  alarms.closeAsTest(alarmId);
                } else {
                  closeOpenOf(unit); // the alarm may exist without its line having been seen
                }
              } catch (Exception e) {
                LocalPlatform.log("closing the alarm of " + unit + " failed: " + e);
              }
            },
            closer));
    return new Fire(sentAt, t0, unit, micros, confirmed, confirmMicros, retransmissions);
  }

  private void closeOpenOf(String unit) throws Exception {
    for (var card : alarms.get("/api/alarms/queue").expect(200).body().path("items")) {
      if (unit.equals(card.path("unitId").asString())) {
        alarms.closeAsTest(card.path("id").asString());
      }
    }
  }

  /** Waits for the background closes of the alarms measured so far. */
  void drain() throws Exception {
    for (String unit : List.copyOf(closing.keySet())) {
      CompletableFuture<Void> f = closing.remove(unit);
      if (f != null) {
        f.get(60, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public void close() {
    try {
      drain();
    } catch (Exception e) {
      LocalPlatform.log("closing measured alarms: " + e);
    }
    closer.shutdownNow();
    fleet.close();
  }

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
