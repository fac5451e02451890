package io.fenghuo.simulator.session;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How the person on duty answers a 查岗 (duty check, type 91): after a human delay drawn uniformly
 * from {@code [minDelay, maxDelay]} the UITD uploads a type-24 operation record with bit 5 (查岗应答,
 * fig. 14) — or, with probability {@code missRate}, nobody presses the button.
 *
 * @param minDelay ≥ 0
 * @param maxDelay ≥ minDelay
 * @param missRate 0–1
 * @param operator operator number in the reply, 0–255
 */
public record DutyCheckBehaviour(
    Duration minDelay, Duration maxDelay, double missRate, int operator) {

  /** Someone answers every check after 5–30 s. */
  public static final DutyCheckBehaviour DEFAULT =
      new DutyCheckBehaviour(Duration.ofSeconds(5), Duration.ofSeconds(30), 0, 1);

  /**
   * @throws IllegalArgumentException on a negative or inverted delay, a miss rate outside 0–1 or an
   *     operator that is not a byte
   */
  public DutyCheckBehaviour {
    Objects.requireNonNull(minDelay, "minDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
      throw new IllegalArgumentException("need 0 ≤ minDelay ≤ maxDelay");
    }
    if (!(missRate >= 0 && missRate <= 1)) {
      throw new IllegalArgumentException("miss rate must be 0–1: " + missRate);
    }
    if (operator < 0 || operator > 255) {
      throw new IllegalArgumentException("operator is 0–255: " + operator);
    }
  }

  /** The delay for one check, or null if this check goes unanswered. */
  public Duration draw(RandomGenerator rnd) {
    if (missRate > 0 && rnd.nextDouble() < missRate) {
      return null;
    }
    long span = maxDelay.toNanos() - minDelay.toNanos();
    return minDelay.plusNanos(span > 0 ? rnd.nextLong(span + 1) : 0);
  }
}
