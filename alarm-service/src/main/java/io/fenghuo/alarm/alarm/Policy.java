package io.fenghuo.alarm.alarm;

import java.time.Duration;

/**
 * An operator's alarm handling policy: escalation timers, the claim idle timeout, whether an
 * unconfirmed fire alarm goes to 119 on its own, the grouping window and the flood threshold.
 *
 * @param unclaimedAfter an open alarm nobody claimed by then re-alerts every seat (level 1)
 * @param unconfirmedAfter an alarm without a result by then notifies the supervisor (level 2) and,
 *     if {@code forwardUnconfirmedTo119}, a fire alarm is forwarded to 119 as unconfirmed
 * @param claimIdleTimeout a claim without any action for this long returns to the queue
 * @param forwardUnconfirmedTo119 see above
 * @param groupingWindow a point after a quiet period longer than this is recorded as a re-alarm
 * @param floodPoints more points than this within {@code floodWindow} is a flood
 * @param floodWindow see above
 */
public record Policy(
    Duration unclaimedAfter,
    Duration unconfirmedAfter,
    Duration claimIdleTimeout,
    boolean forwardUnconfirmedTo119,
    Duration groupingWindow,
    int floodPoints,
    Duration floodWindow) {

  /** The defaults of an operator that has not set its own (issue 7: 30 s and 3 min). */
  public static final Policy DEFAULTS =
      new Policy(
          Duration.ofSeconds(30),
          Duration.ofMinutes(3),
          Duration.ofMinutes(2),
          false,
          Duration.ofMinutes(10),
          20,
          Duration.ofMinutes(2));

  /**
   * Checks the policy.
   *
   * @throws AlarmException.Invalid naming the first broken rule
   */
  public Policy validated() {
    positive("unclaimedAfter", unclaimedAfter);
    positive("unconfirmedAfter", unconfirmedAfter);
    positive("claimIdleTimeout", claimIdleTimeout);
    positive("groupingWindow", groupingWindow);
    positive("floodWindow", floodWindow);
    if (unconfirmedAfter.compareTo(unclaimedAfter) < 0) {
      throw new AlarmException.Invalid(
          "unconfirmedAfter", "must not be shorter than unclaimedAfter (" + unclaimedAfter + ")");
    }
    if (floodPoints < 1) {
      throw new AlarmException.Invalid("floodPoints", "must be at least 1");
    }
    return this;
  }

  private static void positive(String field, Duration value) {
    if (value == null) {
      throw new AlarmException.Invalid(field, "is required (ISO 8601 duration, e.g. PT30S)");
    }
    if (value.isNegative() || value.isZero()) {
      throw new AlarmException.Invalid(field, "must be a positive duration");
    }
    if (value.compareTo(Duration.ofDays(1)) > 0) {
      throw new AlarmException.Invalid(field, "must not exceed one day");
    }
  }
}
