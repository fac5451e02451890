package io.fenghuo.gateway.session;

import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.session.ExchangeOutcome;
import io.fenghuo.gb26875.session.RetransmissionPolicy;
import io.fenghuo.gb26875.session.RetransmissionTracker;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The centre-initiated exchanges of one session (§6.2 send/confirm, §6.4 request/response): each
 * request is tracked by its serial, resent on timeout or deny (§6.5: 10 s, 3 retries) and ends in
 * {@link ExchangeOutcome.Completed} or {@link ExchangeOutcome.GaveUp}. Not thread-safe: used on the
 * session's event loop.
 */
final class Downlink {

  /** What became of an exchange, with the number of times the request was sent. */
  record Result(ExchangeOutcome outcome, int attempts) {}

  private final RetransmissionTracker tracker;
  private final Consumer<Gb26875Message> writer;
  private final Map<Integer, Consumer<Result>> callbacks = new HashMap<>();
  private final Map<Integer, Integer> attempts = new HashMap<>();
  private final Map<Integer, Consumer<Integer>> progress = new HashMap<>();

  Downlink(RetransmissionPolicy policy, Consumer<Gb26875Message> writer) {
    this.tracker = new RetransmissionTracker(policy);
    this.writer = writer;
  }

  void send(Gb26875Message request, long now, Consumer<Result> done) {
    send(request, now, done, n -> {});
  }

  /**
   * Sends a request; {@code sent} hears the number of attempts after each (re)transmission, {@code
   * done} the result.
   */
  void send(Gb26875Message request, long now, Consumer<Result> done, Consumer<Integer> sent) {
    int serial = request.header().serial();
    Consumer<Result> previous = callbacks.put(serial, done);
    if (previous != null) {
      // The serial wrapped while an exchange was still open: the old one cannot complete any more.
      previous.accept(new Result(new ExchangeOutcome.GaveUp(request, "serial reused"), 0));
    }
    attempts.put(serial, 1);
    progress.put(serial, sent);
    tracker.sent(request, now);
    writer.accept(request);
    sent.accept(1);
  }

  /** A confirm, deny or response from the device; true if it belonged to an open exchange. */
  boolean onReply(Gb26875Message reply, long now) {
    return handle(tracker.onReply(reply, now));
  }

  void tick(long now) {
    for (ExchangeOutcome o : tracker.poll(now)) {
      handle(o);
    }
  }

  int open() {
    return tracker.openExchanges();
  }

  /** Ends every open exchange, e.g. when the connection closed. */
  void abandon(String reason) {
    for (Map.Entry<Integer, Consumer<Result>> e : Map.copyOf(callbacks).entrySet()) {
      e.getValue()
          .accept(new Result(new ExchangeOutcome.GaveUp(null, reason), attempts.get(e.getKey())));
    }
    callbacks.clear();
    progress.clear();
  }

  private boolean handle(ExchangeOutcome o) {
    if (o instanceof ExchangeOutcome.Unmatched) {
      return false;
    }
    if (o instanceof ExchangeOutcome.Retransmit r) {
      int serial = r.request().header().serial();
      int n = attempts.merge(serial, 1, Integer::sum);
      writer.accept(r.request());
      Consumer<Integer> sent = progress.get(serial);
      if (sent != null) {
        sent.accept(n);
      }
    } else if (o instanceof ExchangeOutcome.Completed c) {
      finish(c.request().header().serial(), o);
    } else if (o instanceof ExchangeOutcome.GaveUp g) {
      finish(g.request().header().serial(), o);
    }
    return true;
  }

  private void finish(int serial, ExchangeOutcome o) {
    Consumer<Result> cb = callbacks.remove(serial);
    Integer n = attempts.remove(serial);
    progress.remove(serial);
    if (cb != null) {
      cb.accept(new Result(o, n == null ? 0 : n));
    }
  }
}
