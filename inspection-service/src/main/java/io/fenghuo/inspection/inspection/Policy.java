package io.fenghuo.inspection.inspection;

import java.time.Duration;

/**
 * An operator's inspection policy.
 *
 * @param unitManagerAfter a fault open this long escalates to the unit's manager (level 1)
 * @param supervisorAfter a fault open this long escalates to the operator's supervisor (level 2)
 * @param disabledLimit a unit with more disabled points than this is flagged (blind spots)
 * @param heartbeatWindow a UITD is online while it was heard within this window …
 * @param offlineTolerance … plus this tolerance; after a disconnect, within the tolerance alone
 * @param pollPeriod how often each UITD is polled (巡检), unless its unit has its own period
 */
public record Policy(
    Duration unitManagerAfter,
    Duration supervisorAfter,
    Integer disabledLimit,
    Duration heartbeatWindow,
    Duration offlineTolerance,
    Duration pollPeriod) {

  /** GB 50440 3.0.2: the polling period is at most 2 hours. */
  public static final Duration MAX_POLL_PERIOD = Duration.ofHours(2);

  /** The shortest poll period accepted (short periods are for tests and commissioning). */
  public static final Duration MIN_POLL_PERIOD = Duration.ofSeconds(1);

  /** The defaults: 24 h, 72 h, 10 disabled points, 3 min + 1 min, 1 h. */
  public static final Policy DEFAULTS =
      new Policy(
          Duration.ofHours(24),
          Duration.ofHours(72),
          10,
          Duration.ofMinutes(3),
          Duration.ofMinutes(1),
          Duration.ofHours(1));

  /** The offline deadline after the last signal heard. */
  public Duration offlineAfter() {
    return heartbeatWindow.plus(offlineTolerance);
  }

  /**
   * This policy with absent fields taken from the defaults, checked.
   *
   * @throws InspectionException.Invalid naming the field that breaks a rule
   */
  public Policy validated() {
    Policy p =
        new Policy(
            unitManagerAfter == null ? DEFAULTS.unitManagerAfter : unitManagerAfter,
            supervisorAfter == null ? DEFAULTS.supervisorAfter : supervisorAfter,
            disabledLimit == null ? DEFAULTS.disabledLimit : disabledLimit,
            heartbeatWindow == null ? DEFAULTS.heartbeatWindow : heartbeatWindow,
            offlineTolerance == null ? DEFAULTS.offlineTolerance : offlineTolerance,
            pollPeriod == null ? DEFAULTS.pollPeriod : pollPeriod);
    positive("unitManagerAfter", p.unitManagerAfter);
    positive("supervisorAfter", p.supervisorAfter);
    if (p.supervisorAfter.compareTo(p.unitManagerAfter) <= 0) {
      throw new InspectionException.Invalid(
          "supervisorAfter", "must be longer than unitManagerAfter");
    }
    if (p.disabledLimit < 0 || p.disabledLimit > 100_000) {
      throw new InspectionException.Invalid("disabledLimit", "must be 0..100000");
    }
    positive("heartbeatWindow", p.heartbeatWindow);
    if (p.offlineTolerance.isNegative()) {
      throw new InspectionException.Invalid("offlineTolerance", "must not be negative");
    }
    requirePollPeriod("pollPeriod", p.pollPeriod);
    return p;
  }

  /**
   * Checks a poll period against GB 50440 (at most 2 h).
   *
   * @throws InspectionException.Invalid if it is missing, shorter than 1 s or longer than 2 h
   */
  public static Duration requirePollPeriod(String field, Duration period) {
    if (period == null) {
      throw new InspectionException.Invalid(field, "is required (ISO duration, e.g. PT1H)");
    }
    if (period.compareTo(MIN_POLL_PERIOD) < 0) {
      throw new InspectionException.Invalid(field, "must be at least PT1S");
    }
    if (period.compareTo(MAX_POLL_PERIOD) > 0) {
      throw new InspectionException.Invalid(
          field, "must be at most PT2H (GB 50440 3.0.2: polling period at most 2 hours)");
    }
    return period;
  }

  private static void positive(String field, Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw new InspectionException.Invalid(field, "must be a positive ISO duration");
    }
  }
}
