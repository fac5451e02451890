package io.fenghuo.simulator.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * Random "background" activity of every device in a demo fleet. Rates are events per device per
 * hour, drawn as a Poisson process; every fault, disable and power fault clears after an
 * exponentially distributed time with mean {@code meanRecovery}, and every fire is reset after mean
 * {@code meanFireReset}.
 *
 * @param firesPerHour fire alarms (type 2, bit 1), then a reset
 * @param faultsPerHour component faults (type 2, bit 2), then recovery
 * @param disablesPerHour disables 屏蔽 (type 2, bit 3), then enable
 * @param powerFaultsPerHour system main power faults (type 1, bit 8), then restoration
 * @param operationsPerHour facility operation records (type 4: silence, self-test, acknowledge)
 * @param analogInterval interval of analog samples (type 3) from analog-capable points; zero: none
 * @param meanRecovery mean time until a fault, disable or power fault clears
 * @param meanFireReset mean time until a fire is reset
 */
public record BackgroundRates(
    double firesPerHour,
    double faultsPerHour,
    double disablesPerHour,
    double powerFaultsPerHour,
    double operationsPerHour,
    Duration analogInterval,
    Duration meanRecovery,
    Duration meanFireReset) {

  /** No background activity. */
  public static final BackgroundRates NONE =
      new BackgroundRates(
          0, 0, 0, 0, 0, Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(3));

  /**
   * A lively demo: per device per hour 0.05 fires, 0.5 faults, 0.1 disables, 0.05 power faults, 0.2
   * operations; analog samples every 5 minutes; recovery after 5 minutes, fire reset after 3
   * minutes on average. With 100 devices that is about 5 fires and 50 faults an hour.
   */
  public static final BackgroundRates DEMO =
      new BackgroundRates(
          0.05,
          0.5,
          0.1,
          0.05,
          0.2,
          Duration.ofMinutes(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(3));

  /**
   * @throws IllegalArgumentException on negative rates or non-positive mean durations
   */
  public BackgroundRates {
    for (double r :
        new double[] {
          firesPerHour, faultsPerHour, disablesPerHour, powerFaultsPerHour, operationsPerHour
        }) {
      if (!(r >= 0) || Double.isInfinite(r)) {
        throw new IllegalArgumentException("rates must be finite and ≥ 0");
      }
    }
    Objects.requireNonNull(analogInterval, "analogInterval");
    Objects.requireNonNull(meanRecovery, "meanRecovery");
    Objects.requireNonNull(meanFireReset, "meanFireReset");
    if (analogInterval.isNegative() || !isPositive(meanRecovery) || !isPositive(meanFireReset)) {
      throw new IllegalArgumentException("durations must be positive (analog interval ≥ 0)");
    }
  }

  private static boolean isPositive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  /** Sum of the event rates, per device per hour. */
  public double totalPerHour() {
    return firesPerHour + faultsPerHour + disablesPerHour + powerFaultsPerHour + operationsPerHour;
  }

  /** True if this produces any activity. */
  public boolean isActive() {
    return totalPerHour() > 0 || !analogInterval.isZero();
  }

  public BackgroundRates withFiresPerHour(double v) {
    return new BackgroundRates(
        v,
        faultsPerHour,
        disablesPerHour,
        powerFaultsPerHour,
        operationsPerHour,
        analogInterval,
        meanRecovery,
        meanFireReset);
  }

  public BackgroundRates withFaultsPerHour(double v) {
    return new BackgroundRates(
        firesPerHour,
        v,
        disablesPerHour,
        powerFaultsPerHour,
        operationsPerHour,
        analogInterval,
        meanRecovery,
        meanFireReset);
  }

  public BackgroundRates withDisablesPerHour(double v) {
    return new BackgroundRates(
        firesPerHour,
        faultsPerHour,
        v,
        powerFaultsPerHour,
        operationsPerHour,
        analogInterval,
        meanRecovery,
        meanFireReset);
  }

  public BackgroundRates withPowerFaultsPerHour(double v) {
    return new BackgroundRates(
        firesPerHour,
        faultsPerHour,
        disablesPerHour,
        v,
        operationsPerHour,
        analogInterval,
        meanRecovery,
        meanFireReset);
  }

  public BackgroundRates withOperationsPerHour(double v) {
    return new BackgroundRates(
        firesPerHour,
        faultsPerHour,
        disablesPerHour,
        powerFaultsPerHour,
        v,
        analogInterval,
        meanRecovery,
        meanFireReset);
  }

  public BackgroundRates withAnalogInterval(Duration v) {
    return new BackgroundRates(
        firesPerHour,
        faultsPerHour,
        disablesPerHour,
        powerFaultsPerHour,
        operationsPerHour,
        v,
        meanRecovery,
        meanFireReset);
  }

  public BackgroundRates withMeanRecovery(Duration v) {
    return new BackgroundRates(
        firesPerHour,
        faultsPerHour,
        disablesPerHour,
        powerFaultsPerHour,
        operationsPerHour,
        analogInterval,
        v,
        meanFireReset);
  }

  public BackgroundRates withMeanFireReset(Duration v) {
    return new BackgroundRates(
        firesPerHour,
        faultsPerHour,
        disablesPerHour,
        powerFaultsPerHour,
        operationsPerHour,
        analogInterval,
        meanRecovery,
        v);
  }
}
