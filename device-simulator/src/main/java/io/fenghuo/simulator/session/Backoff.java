package io.fenghuo.simulator.session;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: exponential from {@code min}, capped at {@code max}, with "equal jitter" (a
 * uniform pick in the upper half of the step) so that a fleet dropped by one centre restart does
 * not come back in lock step, yet every device waits at least half the step.
 *
 * @param min delay before the first reconnect attempt; positive
 * @param max cap; ≥ min
 */
public record Backoff(Duration min, Duration max) {

  /** 1 s doubling to 60 s. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

  /**
   * @throws IllegalArgumentException if min is not positive or max is below min
   */
  public Backoff {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("need 0 < min ≤ max: " + min + ", " + max);
    }
  }

  /**
   * The delay before reconnect attempt {@code attempt} (0 for the first after a loss).
   *
   * @return between half and all of {@code min(max, min × 2^attempt)}
   */
  public Duration delay(int attempt, RandomGenerator rnd) {
    long minNanos = min.toNanos();
    long maxNanos = max.toNanos();
    long step = attempt >= 62 ? maxNanos : minNanos;
    for (int i = 0; i < attempt && step < maxNanos; i++) {
      step = step > maxNanos / 2 ? maxNanos : step * 2;
    }
    step = Math.min(step, maxNanos);
    long half = step / 2;
    return Duration.ofNanos(half + (half > 0 ? rnd.nextLong(half + 1) : 0));
  }
}
