package io.fenghuo.inspection.inspection;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The service's own settings (not per operator).
 *
 * @param zone days of the integrity rate are calendar days in this zone
 * @param startupGrace nobody is declared offline this long after a start (the backlog is read
 *     first)
 * @param pollTimeout a poll without a result after this is recorded as NO_RESULT
 * @param syncOnDrift whether to ask for a clock sync on drift (false where the gateway does)
 * @param driftLimit the clock drift that counts (GB 50440: 5 s)
 * @param syncGap at most one clock sync request per device within this gap
 */
public record Tuning(
    ZoneId zone,
    Duration startupGrace,
    Duration pollTimeout,
    boolean syncOnDrift,
    Duration driftLimit,
    Duration syncGap) {

  public Tuning {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(startupGrace, "startupGrace");
    Objects.requireNonNull(pollTimeout, "pollTimeout");
    Objects.requireNonNull(driftLimit, "driftLimit");
    Objects.requireNonNull(syncGap, "syncGap");
  }

  /** The defaults of application.yaml. */
  public static final Tuning DEFAULTS =
      new Tuning(
          ZoneId.of("Asia/Shanghai"),
          Duration.ofMinutes(4),
          Duration.ofMinutes(2),
          false,
          Duration.ofSeconds(5),
          Duration.ofMinutes(10));
}
