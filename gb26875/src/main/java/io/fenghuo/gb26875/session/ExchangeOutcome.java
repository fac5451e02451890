package io.fenghuo.gb26875.session;

import io.fenghuo.gb26875.Gb26875Message;

/** What the {@link RetransmissionTracker} decided about an open exchange. */
public sealed interface ExchangeOutcome {

  /** The request this outcome is about (null only for {@link Unmatched}). */
  Gb26875Message request();

  /** The expected reply arrived: confirm (3) to 1/2, response (5) of the right type to 4. */
  record Completed(Gb26875Message request, Gb26875Message reply) implements ExchangeOutcome {}

  /**
   * Send {@code request} again (same serial: same business exchange) after a timeout, a deny or a
   * wrong response (§6.2–6.4). {@code attempt} counts retransmissions, starting at 1.
   */
  record Retransmit(Gb26875Message request, int attempt, String reason)
      implements ExchangeOutcome {}

  /** Retries exhausted; the exchange failed and ends (§6.5.5). */
  record GaveUp(Gb26875Message request, String reason) implements ExchangeOutcome {}

  /** A reply with no open exchange of its serial (late, duplicate, or unsolicited). */
  record Unmatched(Gb26875Message reply) implements ExchangeOutcome {
    @Override
    public Gb26875Message request() {
      return null;
    }
  }
}
