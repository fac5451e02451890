package io.fenghuo.simulator;

import io.fenghuo.gb26875.Address;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.report.Report;
import io.fenghuo.simulator.report.SimulatorMetrics;
import io.fenghuo.simulator.scenario.BackgroundActivity;
import io.fenghuo.simulator.scenario.Scenario;
import io.fenghuo.simulator.scenario.ScenarioStep;
import io.fenghuo.simulator.session.SimulatedDevice;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A fleet of simulated UITDs in one process: one shared Netty NIO event-loop group, each device
 * pinned to one of its loops, timers on those loops (no thread per device), connections opened at
 * {@link SimulatorConfig#connectRate()} per second.
 *
 * <pre>{@code
 * try (Fleet fleet = Fleet.start(config, FleetGenerator.generate(100, base, 8, STANDARD), scenario)) {
 *   fleet.awaitConnected(100, Duration.ofSeconds(10));
 *   fleet.device(0).apply(new DeviceEvent.Change(PointSelector.component(0x70001), FIRE, true)).join();
 *   Report r = fleet.stop(Duration.ofSeconds(15));
 * }
 * }</pre>
 */
public final class Fleet implements AutoCloseable {

  private final SimulatorConfig config;
  private final EventLoopGroup group;
  private final List<SimulatedDevice> devices;
  private final Map<Address, SimulatedDevice> byAddress = new HashMap<>();
  private final SimulatorMetrics metrics;
  private Report finalReport;

  private Fleet(SimulatorConfig config, List<DeviceSpec> specs) {
    this.config = config;
    this.metrics = new SimulatorMetrics(specs.size());
    this.group =
        new MultiThreadIoEventLoopGroup(
            config.ioThreads(),
            new DefaultThreadFactory("uitd-sim", true),
            NioIoHandler.newFactory());
    Bootstrap template =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
            .option(ChannelOption.TCP_NODELAY, true);
    this.devices = new ArrayList<>(specs.size());
    for (int i = 0; i < specs.size(); i++) {
      DeviceSpec spec = specs.get(i);
      if (byAddress.containsKey(spec.address())) {
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        throw new IllegalArgumentException("duplicate device address " + spec.addressText());
      }
      EventLoop loop = group.next();
      List<InetAddress> locals = config.localAddresses();
      Bootstrap bootstrap =
          locals.isEmpty()
              ? template
              : template
                  .clone()
                  .localAddress(new InetSocketAddress(locals.get(i % locals.size()), 0));
      SimulatedDevice d =
          new SimulatedDevice(spec, config, loop, bootstrap, metrics, deviceSeed(config.seed(), i));
      devices.add(d);
      byAddress.put(spec.address(), d);
    }
  }

  /**
   * Creates the devices and starts connecting them (ramped), running the scenario and background
   * activity from now on.
   *
   * @param devices distinct addresses; not null
   * @param scenario not null ({@link Scenario#EMPTY} for none)
   * @throws IllegalArgumentException on duplicate addresses
   */
  public static Fleet start(SimulatorConfig config, List<DeviceSpec> devices, Scenario scenario) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(scenario, "scenario");
    Fleet fleet = new Fleet(config, devices);
    fleet.launch(scenario);
    return fleet;
  }

  private void launch(Scenario scenario) {
    double gapNanos = 1e9 / config.connectRate();
    for (int i = 0; i < devices.size(); i++) {
      SimulatedDevice d = devices.get(i);
      long delay = Math.round(i * gapNanos);
      d.eventLoop().schedule(d::start, delay, TimeUnit.NANOSECONDS);
      BackgroundActivity.start(d, config.background(), deviceSeed(config.seed() + 1, i));
      for (ScenarioStep step : scenario.steps()) {
        if (step.target().matches(i, d.spec().address())) {
          schedule(d, step, step.at().toNanos());
        }
      }
    }
  }

  private static void schedule(SimulatedDevice d, ScenarioStep step, long delayNanos) {
    d.eventLoop()
        .schedule(
            () -> {
              if (d.isQuiescing()) {
                return;
              }
              d.apply(step.event());
              if (step.every() != null) {
                schedule(d, step, step.every().toNanos());
              }
            },
            delayNanos,
            TimeUnit.NANOSECONDS);
  }

  /** A device's seed: the fleet seed mixed with its index (golden-ratio increment). */
  static long deviceSeed(long seed, int index) {
    return seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
  }

  /** The devices, in fleet order (index = position in the fleet file or generator). */
  public List<SimulatedDevice> devices() {
    return List.copyOf(devices);
  }

  /** The device at fleet position {@code index}. */
  public SimulatedDevice device(int index) {
    return devices.get(index);
  }

  /** The device with this address, or null. */
  public SimulatedDevice device(Address address) {
    return byAddress.get(address);
  }

  public SimulatorMetrics metrics() {
    return metrics;
  }

  /** A snapshot of the counters. */
  public Report report(String phase) {
    return metrics.snapshot(phase);
  }

  /** Waits until at least {@code count} devices are connected at once. */
  public boolean awaitConnected(int count, Duration timeout) throws InterruptedException {
    return await(() -> metrics.connectedNow() >= count, timeout);
  }

  /** Waits until no upload is in flight, queued, or waiting as a 查岗 reply. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return await(() -> metrics.outstanding() == 0, timeout);
  }

  private static boolean await(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /**
   * Stops the fleet: no new heartbeats, status, scenario steps or background events; waits up to
   * {@code drain} for outstanding uploads to be confirmed or fail (and for pending 查岗 replies);
   * then closes every connection and the event loops.
   *
   * @return the final report (also available later from {@link #finalReport()})
   */
  public synchronized Report stop(Duration drain) {
    if (finalReport != null) {
      return finalReport;
    }
    try {
      CompletableFuture.allOf(
              devices.stream().map(SimulatedDevice::quiesce).toArray(CompletableFuture[]::new))
          .get(30, TimeUnit.SECONDS);
      awaitIdle(drain);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // A loop that does not respond within 30 s is stuck; stop anyway and report what we have.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    CompletableFuture.allOf(
            devices.stream().map(SimulatedDevice::stop).toArray(CompletableFuture[]::new))
        .orTimeout(30, TimeUnit.SECONDS)
        .exceptionally(e -> null)
        .join();
    try {
      // channelInactive runs just after the close future completes; let the gauge settle.
      await(() -> metrics.connectedNow() == 0, Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    finalReport = metrics.snapshot("final");
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    return finalReport;
  }

  /** The report {@link #stop} produced, or null while running. */
  public synchronized Report finalReport() {
    return finalReport;
  }

  /** {@link #stop(Duration)} without waiting for outstanding uploads. */
  @Override
  public void close() {
    stop(Duration.ZERO);
  }
}
