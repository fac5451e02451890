package io.fenghuo.gb26875.session;

import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Open exchanges of one initiator on one connection (GB/T 26875.3-2011 §6.2–6.5), matched by
 * serial. Clock-free: the caller passes monotonic nanoseconds (e.g. {@code System.nanoTime()}) and
 * polls from a timer, so the tracker fits a Netty event loop and tests without sleeping. Not
 * thread-safe: use from one thread (the channel's event loop).
 *
 * <pre>{@code
 * tracker.sent(msg, System.nanoTime()); channel.writeAndFlush(msg);
 * // on every inbound reply:
 * switch outcome of tracker.onReply(reply, now): Completed → done; Retransmit → write again; …
 * // every second or so:
 * for (ExchangeOutcome o : tracker.poll(now)) …
 * }</pre>
 */
public final class RetransmissionTracker {

  private static final class Open {
    final Gb26875Message request;
    long deadline;
    int attempts;

    Open(Gb26875Message request, long deadline) {
      this.request = request;
      this.deadline = deadline;
    }
  }

  private final RetransmissionPolicy policy;
  private final long timeoutNanos;
  private final Map<Integer, Open> open = new HashMap<>();

  /**
   * @param policy not null
   */
  public RetransmissionTracker(RetransmissionPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.timeoutNanos = policy.timeout().toNanos();
  }

  /**
   * Opens an exchange for a packet just sent. Replaces any open exchange with the same serial (the
   * counter has wrapped; the old one is lost).
   *
   * @param request a control (1), send-data (2) or request (4) packet; not null
   * @throws IllegalArgumentException if the command does not open an exchange
   */
  public void sent(Gb26875Message request, long nowNanos) {
    Command command = request.command();
    if (command == null || !command.initiates()) {
      if (!Command.isUserDefined(request.header().commandByte())) {
        throw new IllegalArgumentException("command " + command + " does not expect a reply");
      }
    }
    open.put(request.header().serial(), new Open(request, nowNanos + timeoutNanos));
  }

  /**
   * Matches a received reply (3, 5 or 6) to the open exchange of its serial.
   *
   * @return never null; {@link ExchangeOutcome.Unmatched} for replies nobody waits for
   */
  public ExchangeOutcome onReply(Gb26875Message reply, long nowNanos) {
    Open exchange = open.get(reply.header().serial());
    Command command = reply.command();
    if (exchange == null || command == null || command.initiates()) {
      return new ExchangeOutcome.Unmatched(reply);
    }
    boolean isRead = exchange.request.command() == Command.REQUEST;
    if (command == Command.DENY) {
      return retry(exchange, nowNanos, "denied");
    }
    if (command == Command.CONFIRM && !isRead) {
      open.remove(reply.header().serial());
      return new ExchangeOutcome.Completed(exchange.request, reply);
    }
    if (command == Command.RESPONSE && isRead) {
      if (answers(exchange.request, reply)) {
        open.remove(reply.header().serial());
        return new ExchangeOutcome.Completed(exchange.request, reply);
      }
      return retry(exchange, nowNanos, "wrong response type " + reply.data().typeFlagValue());
    }
    return new ExchangeOutcome.Unmatched(reply);
  }

  /**
   * Exchanges whose reply is overdue: each is either due for retransmission (its deadline is
   * restarted) or has run out of retries (it is closed).
   */
  public List<ExchangeOutcome> poll(long nowNanos) {
    List<ExchangeOutcome> out = new ArrayList<>();
    Iterator<Open> it = open.values().iterator();
    while (it.hasNext()) {
      Open exchange = it.next();
      if (nowNanos - exchange.deadline >= 0) {
        if (exchange.attempts >= policy.retries()) {
          it.remove();
          out.add(new ExchangeOutcome.GaveUp(exchange.request, "no reply after retries"));
        } else {
          exchange.attempts++;
          exchange.deadline = nowNanos + timeoutNanos;
          out.add(new ExchangeOutcome.Retransmit(exchange.request, exchange.attempts, "timeout"));
        }
      }
    }
    return out;
  }

  /** Number of exchanges waiting for a reply. */
  public int openExchanges() {
    return open.size();
  }

  private ExchangeOutcome retry(Open exchange, long nowNanos, String reason) {
    if (exchange.attempts >= policy.retries()) {
      open.remove(exchange.request.header().serial());
      return new ExchangeOutcome.GaveUp(exchange.request, reason + " after retries");
    }
    exchange.attempts++;
    exchange.deadline = nowNanos + timeoutNanos;
    return new ExchangeOutcome.Retransmit(exchange.request, exchange.attempts, reason);
  }

  /** A read 61–88 is answered by the upload type 60 below it (table 3). */
  private static boolean answers(Gb26875Message request, Gb26875Message response) {
    if (!(request.data() instanceof TypedData read)) {
      return true; // vendor read: any response will do
    }
    TypeFlag expected = read.type().answerType();
    return expected == null || response.data().typeFlagValue() == expected.value();
  }
}
