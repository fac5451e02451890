package io.fenghuo.gb26875.session;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeout and retries of GB/T 26875.3-2011 §6.5: the timeout "不宜大于10 s" (should not exceed 10 s,
 * §6.5.4) and retries "宜为3次" (3 recommended, §6.5.1, §6.5.2); after the last retry the exchange has
 * failed (§6.5.5).
 *
 * @param timeout how long to wait for the reply to each transmission; 0 < timeout ≤ 10 s
 * @param retries retransmissions after the first send; 0–255
 */
public record RetransmissionPolicy(Duration timeout, int retries) {

  /** 10 s, 3 retries. */
  public static final RetransmissionPolicy STANDARD =
      new RetransmissionPolicy(Duration.ofSeconds(10), 3);

  /**
   * @throws IllegalArgumentException if the timeout is not positive or exceeds 10 s, or retries is
   *     out of range
   */
  public RetransmissionPolicy {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException("§6.5.4: timeout must be in (0, 10 s]: " + timeout);
    }
    if (retries < 0 || retries > 255) {
      throw new IllegalArgumentException("retries out of range: " + retries);
    }
  }
}
