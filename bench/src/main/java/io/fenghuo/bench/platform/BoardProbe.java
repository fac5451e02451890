package io.fenghuo.bench.platform;

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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The timed devices of {@code board-lag}: bench units simulated in the harness JVM (GB/T 26875.3
 * defaults: heartbeat 60 s, confirm timeout 10 s, 3 retries), one thread each. A cycle: a fault at
 * the device's next point (type 2, fault bit), the unit's board polled until the point shows {@code
 * FAULT}; after {@code hold} the recovery (fault bit cleared), the board polled until it shows
 * {@code NORMAL}; the arrivals of {@code fault.opened} and {@code fault.closed} of the point on the
 * fault stream are looked up as well.
 */
final class BoardProbe implements AutoCloseable {

  /**
   * One fault + recovery cycle at one point. Lags in µs from handing the frame to the simulated
   * device; -1 = not seen within the timeout; {@link #NOT_MEASURED} for a recovery whose fault was
   * not seen.
   *
   * @param boardFault frame → the first board response that showed FAULT
   * @param boardNormal recovery frame → the first board response that showed NORMAL
   * @param faultOpened frame → {@code fault.opened} read from the fault stream
   * @param faultClosed recovery frame → {@code fault.closed} read from the fault stream
   */
  record Cycle(
      Instant sentAt,
      String device,
      long component,
      long boardFault,
      long boardNormal,
      long faultOpened,
      long faultClosed) {}

  /** A lag not measured: the recovery of a fault that was never seen. */
  static final long NOT_MEASURED = -2;

  private final Fleet fleet;
  private final int first;
  private final int count;
  private final AlarmApi board;
  private final StreamWatcher streams;
  private final List<Cycle> cycles = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong boardGets = new AtomicLong();
  private final AtomicLong boardGetNanos = new AtomicLong();
  private final AtomicLong boardErrors = new AtomicLong();

  private BoardProbe(Fleet fleet, int first, int count, AlarmApi board, StreamWatcher streams) {
    this.fleet = fleet;
    this.first = first;
    this.count = count;
    this.board = board;
    this.streams = streams;
  }

  /** Connects bench units {@code first .. first + count - 1} as probe devices. */
  static BoardProbe start(
      int gatewayPort, int first, int count, AlarmApi board, StreamWatcher streams)
      throws InterruptedException {
    SimulatorConfig config =
        SimulatorConfig.builder(new InetSocketAddress("127.0.0.1", gatewayPort))
            .heartbeat(HeartbeatMode.EMPTY, Duration.ofSeconds(60))
            .retransmission(new RetransmissionPolicy(Duration.ofSeconds(10), 3))
            .ioThreads(1)
            .build();
    Fleet fleet = Fleet.start(config, BenchUnits.specs(first, first + count - 1), Scenario.EMPTY);
    BoardProbe probe = new BoardProbe(fleet, first, count, board, streams);
    if (!fleet.awaitConnected(count, Duration.ofSeconds(60))) {
      probe.close();
      throw new IllegalStateException("the probe devices did not all connect within 60 s");
    }
    return probe;
  }

  /**
   * One unrecorded cycle per probe device, repeated until the board shows its fault: the gateway
   * binds a device only once it has read the unit's snapshot from the unit stream (a device it does
   * not know yet goes to {@code signal.unregistered}), and the inspection-service places its points
   * only once it has read the same snapshot.
   */
  void warmUp(Duration poll, int attempts) throws InterruptedException {
    List<Long> points = BenchUnits.components();
    for (int i = 0; i < count; i++) {
      int n = first + i;
      String device = BenchUnits.device(n);
      SimulatedDevice uitd = fleet.device(i);
      long component = points.get(points.size() - 1);
      PointSelector at = PointSelector.component(component);
      for (int attempt = 1; ; attempt++) {
        long t0 = System.nanoTime();
        uitd.apply(new DeviceEvent.Change(at, Condition.FAULT, true));
        long seen =
            awaitBoard(
                BenchUnits.unitId(n), device, component, "FAULT", t0, poll, Duration.ofSeconds(15));
        uitd.apply(new DeviceEvent.Change(at, Condition.FAULT, false));
        if (seen >= 0) {
          awaitBoard(
              BenchUnits.unitId(n),
              device,
              component,
              "NORMAL",
              System.nanoTime(),
              poll,
              Duration.ofSeconds(30));
          break;
        }
        if (attempt == attempts) {
          throw new IllegalStateException(
              "warm-up: the board never showed a fault of probe "
                  + device
                  + " in "
                  + attempts
                  + " attempts");
        }
        io.fenghuo.bench.local.LocalPlatform.log(
            "warm-up: fault of probe "
                + device
                + " not on the board yet (attempt "
                + attempt
                + ")");
        Thread.sleep(2_000);
      }
    }
    boardGets.set(0);
    boardGetNanos.set(0);
    boardErrors.set(0);
  }

  /**
   * Runs cycles on every probe device at once until {@code until} (nanoTime), each device's cycles
   * one after the other with {@code pause} between them.
   */
  void run(long until, Duration hold, Duration pause, Duration poll, Duration timeout)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      Thread t =
          new Thread(
              () -> {
                try {
                  loop(index, until, hold, pause, poll, timeout);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "bench-board-probe-" + i);
      t.setDaemon(true);
      threads.add(t);
      // spread the probes' phases over a cycle
      t.start();
      Thread.sleep(pause.toMillis() / Math.max(1, count) + 1);
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  private void loop(
      int index, long until, Duration hold, Duration pause, Duration poll, Duration timeout)
      throws InterruptedException {
    int n = first + index;
    String device = BenchUnits.device(n);
    String unit = BenchUnits.unitId(n);
    SimulatedDevice uitd = fleet.device(index);
    List<Long> points = BenchUnits.components();
    for (int k = 0; System.nanoTime() < until; k++) {
      long component = points.get(k % points.size());
      String key = BoardRecords.pointKey(device, component);
      Instant sentAt = Instant.now();
      long t0 = System.nanoTime();
      uitd.apply(new DeviceEvent.Change(PointSelector.component(component), Condition.FAULT, true));
      long boardFault = awaitBoard(unit, device, component, "FAULT", t0, poll, timeout);
      long opened = streams.await(true, key, t0, boardFault < 0 ? Duration.ofSeconds(1) : timeout);
      Thread.sleep(hold.toMillis());
      long t1 = System.nanoTime();
      uitd.apply(
          new DeviceEvent.Change(PointSelector.component(component), Condition.FAULT, false));
      // a recovery is timed only after a fault the board showed (else NORMAL shows at once)
      long boardNormal =
          boardFault < 0
              ? NOT_MEASURED
              : awaitBoard(unit, device, component, "NORMAL", t1, poll, timeout);
      long closed =
          opened < 0
              ? NOT_MEASURED
              : streams.await(false, key, t1, boardNormal < 0 ? Duration.ofSeconds(1) : timeout);
      cycles.add(
          new Cycle(
              sentAt,
              device,
              component,
              boardFault,
              boardNormal,
              opened < 0 ? -1 : (opened - t0) / 1000,
              closed == NOT_MEASURED ? NOT_MEASURED : closed < 0 ? -1 : (closed - t1) / 1000));
      Thread.sleep(pause.toMillis());
    }
  }

  /** µs from {@code t0} until a board response shows the point in {@code state}; -1 if never. */
  private long awaitBoard(
      String unit,
      String device,
      long component,
      String state,
      long t0,
      Duration poll,
      Duration timeout)
      throws InterruptedException {
    long deadline = t0 + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      long r0 = System.nanoTime();
      try {
        AlarmApi.Reply reply = board.get("/api/units/" + unit + "/board");
        long r1 = System.nanoTime();
        boardGets.incrementAndGet();
        boardGetNanos.addAndGet(r1 - r0);
        if (reply.status() == 200
            && state.equals(BoardRecords.boardState(reply.body(), device, component))) {
          return (r1 - t0) / 1000;
        }
        if (reply.status() != 200) {
          boardErrors.incrementAndGet();
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        boardErrors.incrementAndGet();
      }
      long wait = poll.toNanos() - (System.nanoTime() - r0);
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
    }
    return -1;
  }

  List<Cycle> cycles() {
    return List.copyOf(cycles);
  }

  long boardGets() {
    return boardGets.get();
  }

  double meanBoardGetMillis() {
    long n = boardGets.get();
    return n == 0 ? Double.NaN : boardGetNanos.get() / 1e6 / n;
  }

  long boardErrors() {
    return boardErrors.get();
  }

  /** The probe units' numbers. */
  List<Integer> units() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(first + i);
    }
    return out;
  }

  @Override
  public void close() {
    fleet.close();
  }
}
