package io.fenghuo.simulator.scenario;

import io.fenghuo.gb26875.adu.FacilityOperationBit;
import io.fenghuo.gb26875.adu.FacilityOperationFlags;
import io.fenghuo.simulator.device.Condition;
import io.fenghuo.simulator.device.DeviceEvent;
import io.fenghuo.simulator.device.Point;
import io.fenghuo.simulator.device.PointSelector;
import io.fenghuo.simulator.session.SimulatedDevice;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Drives one device's random background activity on its own event loop: the next event after an
 * exponential gap (a Poisson process with the summed rate), its kind chosen in proportion to the
 * rates, and the matching recovery scheduled after it. Stops when the device quiesces.
 */
public final class BackgroundActivity {

  private static final FacilityOperationBit[] OPERATIONS = {
    FacilityOperationBit.SILENCE, FacilityOperationBit.SELF_TEST, FacilityOperationBit.ACKNOWLEDGE
  };

  private final SimulatedDevice device;
  private final BackgroundRates rates;
  private final SplittableRandom rnd;

  private BackgroundActivity(SimulatedDevice device, BackgroundRates rates, long seed) {
    this.device = device;
    this.rates = rates;
    this.rnd = new SplittableRandom(seed);
  }

  /**
   * Starts background activity for {@code device}; does nothing if the rates are all zero.
   *
   * @param seed makes the sequence of choices reproducible (timing still depends on the run)
   */
  public static void start(SimulatedDevice device, BackgroundRates rates, long seed) {
    if (!rates.isActive()) {
      return;
    }
    BackgroundActivity a = new BackgroundActivity(device, rates, seed);
    device.eventLoop().execute(a::begin);
  }

  private void begin() {
    if (rates.totalPerHour() > 0) {
      scheduleNext();
    }
    if (!rates.analogInterval().isZero()) {
      long interval = rates.analogInterval().toNanos();
      later(rnd.nextLong(interval) + 1, this::analog);
    }
  }

  private void scheduleNext() {
    double meanSeconds = 3600 / rates.totalPerHour();
    later(exponentialNanos(meanSeconds), this::next);
  }

  private void next() {
    double pick = rnd.nextDouble() * rates.totalPerHour();
    Point p = PointSelector.RANDOM_COMPONENT.resolve(device.spec(), rnd);
    PointSelector at = selectorOf(p);
    if ((pick -= rates.firesPerHour()) < 0) {
      episode(
          new DeviceEvent.Change(at, Condition.FIRE, true),
          new DeviceEvent.Reset(at, 1),
          rates.meanFireReset());
    } else if ((pick -= rates.faultsPerHour()) < 0) {
      changeEpisode(at, Condition.FAULT);
    } else if ((pick -= rates.disablesPerHour()) < 0) {
      changeEpisode(at, Condition.DISABLED);
    } else if ((pick -= rates.powerFaultsPerHour()) < 0) {
      changeEpisode(systemOf(p), Condition.MAIN_POWER_FAULT);
    } else {
      FacilityOperationBit op = OPERATIONS[rnd.nextInt(OPERATIONS.length)];
      device.apply(
          new DeviceEvent.FacilityOperationDone(
              systemOf(p), FacilityOperationFlags.of(op), 1 + rnd.nextInt(8)));
    }
    if (!device.isQuiescing()) {
      scheduleNext();
    }
  }

  private void changeEpisode(PointSelector at, Condition c) {
    episode(
        new DeviceEvent.Change(at, c, true),
        new DeviceEvent.Change(at, c, false),
        rates.meanRecovery());
  }

  private void episode(DeviceEvent start, DeviceEvent end, Duration meanLength) {
    device.apply(start);
    later(exponentialNanos(meanLength.toNanos() / 1e9), () -> device.apply(end));
  }

  private void analog() {
    List<Point> candidates =
        device.spec().components().stream()
            .filter(p -> AnalogModel.sample(p.componentType(), rnd) != null)
            .toList();
    if (!candidates.isEmpty()) {
      Point p = candidates.get(rnd.nextInt(candidates.size()));
      AnalogModel.Sample s = AnalogModel.sample(p.componentType(), rnd);
      device.apply(new DeviceEvent.Analog(selectorOf(p), s.type(), s.raw()));
      later(rates.analogInterval().toNanos(), this::analog);
    }
  }

  private void later(long nanos, Runnable task) {
    device
        .eventLoop()
        .schedule(
            () -> {
              if (!device.isQuiescing()) {
                task.run();
              }
            },
            nanos,
            TimeUnit.NANOSECONDS);
  }

  private long exponentialNanos(double meanSeconds) {
    double u = 1 - rnd.nextDouble(); // (0, 1]
    return Math.max(1, Math.round(-Math.log(u) * meanSeconds * 1e9));
  }

  private static PointSelector selectorOf(Point p) {
    return p.isComponent()
        ? new PointSelector(
            p.system(), p.componentAddress().value(), p.componentType().code(), false)
        : systemOf(p);
  }

  private static PointSelector systemOf(Point p) {
    return new PointSelector(p.system(), null, null, false);
  }
}
