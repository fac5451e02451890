package io.fenghuo.dispatch.incident;

import java.time.Duration;
import java.util.Objects;

/**
 * How the service waits for the 119 centre.
 *
 * @param ackTimeout how long to wait for a receipt before resending, then escalating
 * @param resendsBeforeEscalation how many resends before the operator is told to call 119
 * @param centrePhone the number the operator is told to call
 * @param centreName the centre's name, written into receipts issued through the terminal
 */
public record DispatchSettings(
    Duration ackTimeout, int resendsBeforeEscalation, String centrePhone, String centreName) {

  public DispatchSettings {
    Objects.requireNonNull(ackTimeout, "ackTimeout");
    Objects.requireNonNull(centrePhone, "centrePhone");
    if (ackTimeout.isNegative() || ackTimeout.isZero()) {
      throw new IllegalArgumentException("the acknowledgement timeout must be positive");
    }
    if (resendsBeforeEscalation < 0) {
      throw new IllegalArgumentException("resends before escalation must be 0 or more");
    }
  }

  /** The escalation message the console shows, in Chinese and English. */
  public String escalationMessage() {
    return "119 未确认接警，请立即拨打 "
        + centrePhone
        + " 报警 (119 has not acknowledged — call "
        + centrePhone
        + " now)";
  }
}
