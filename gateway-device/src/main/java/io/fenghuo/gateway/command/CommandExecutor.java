package io.fenghuo.gateway.command;

import io.fenghuo.contracts.command.CommandKind;
import io.fenghuo.contracts.command.CommandOutcome;
import io.fenghuo.contracts.command.DeviceCommandCompleted;
import io.fenghuo.contracts.command.DeviceCommandRequested;
import io.fenghuo.gateway.GatewaySettings;
import io.fenghuo.gateway.metrics.GatewayMetrics;
import io.fenghuo.gateway.session.DeviceSession;
import io.fenghuo.gateway.uplink.SignalPublisher;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.session.ExchangeOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a downlink command on a session this instance holds and publishes its {@link
 * DeviceCommandCompleted}: sent with the session's serial, resent on timeout or deny (§6.5, {@code
 * command-timeout} × {@code command-retries}); a 查岗 that the device confirmed is then tracked until
 * {@code dutyCheckMinutes} or {@code expiresAt}, whichever comes first.
 *
 * <p>Every command it runs is tracked until its outcome is known; each gets exactly one outcome
 * (the first). When the gateway stops, {@link #awaitIdle} lets running exchanges finish for a
 * bounded time and {@link #abortAll} gives each command still running the outcome {@code
 * DEVICE_OFFLINE} (detail: the instance is stopping), so no command taken from {@code
 * device.command} or forwarded here is left without a result.
 */
public final class CommandExecutor {

  private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

  private final GatewaySettings settings;
  private final SignalPublisher publisher;
  private final GatewayMetrics metrics;
  private final Clock clock;
  private final Set<Run> running = ConcurrentHashMap.newKeySet();

  /** One command being run here; finished once, with the first outcome. */
  private final class Run {
    final DeviceCommandRequested command;
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicBoolean finished = new AtomicBoolean();
    final CompletableFuture<Void> handled = new CompletableFuture<>();

    Run(DeviceCommandRequested command) {
      this.command = command;
    }

    void finish(CommandOutcome outcome, int attempts, String gateway, String detail) {
      if (!finished.compareAndSet(false, true)) {
        return; // already has its outcome (e.g. aborted at shutdown, then the connection closed)
      }
      running.remove(this);
      complete(command, outcome, attempts, gateway, detail)
          .whenComplete(
              (ok, e) -> {
                if (e == null) {
                  handled.complete(null);
                } else {
                  handled.completeExceptionally(e);
                }
              });
    }
  }

  public CommandExecutor(
      GatewaySettings settings, SignalPublisher publisher, GatewayMetrics metrics, Clock clock) {
    this.settings = settings;
    this.publisher = publisher;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Sends the command on the session; the outcome is published when known.
   *
   * @return completes when the command's outcome is in Kafka; fails if it could not be published
   */
  public CompletableFuture<Void> execute(DeviceCommandRequested c, DeviceSession session) {
    Run run = new Run(c);
    running.add(run);
    Instant now = clock.instant();
    if (c.expiresAt() != null && !now.isBefore(c.expiresAt())) {
      run.finish(CommandOutcome.REJECTED, 0, settings.instanceId(), "expired before it was sent");
      return run.handled;
    }
    TypedData data;
    try {
      data = CommandFrames.of(c, now, settings.deviceZone());
    } catch (RuntimeException e) {
      run.finish(CommandOutcome.REJECTED, 0, settings.instanceId(), e.getMessage());
      return run.handled;
    }
    session.send(
        data, outcome -> onExchange(run, session, outcome, run.attempts.get()), run.attempts::set);
    return run.handled;
  }

  /** Commands running here whose outcome is not known yet. */
  public int inFlight() {
    return running.size();
  }

  /**
   * Waits until no command runs here any more, at most {@code timeout}.
   *
   * @return true if none runs
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!running.isEmpty() && System.nanoTime() - deadline < 0) {
      Thread.sleep(20);
    }
    return running.isEmpty();
  }

  /**
   * Ends every command still running here with {@code DEVICE_OFFLINE} (the gateway is stopping: the
   * device will be reachable through another instance, not through this one), with {@code detail};
   * a later reply or closed connection no longer changes the outcome.
   *
   * @return completes when every one of these outcomes is in Kafka (fails if any was not)
   */
  public CompletableFuture<Void> abortAll(String detail) {
    List<CompletableFuture<Void>> published = new ArrayList<>();
    for (Run run : List.copyOf(running)) {
      run.finish(CommandOutcome.DEVICE_OFFLINE, run.attempts.get(), settings.instanceId(), detail);
      published.add(run.handled);
    }
    return CompletableFuture.allOf(published.toArray(CompletableFuture[]::new));
  }

  private void onExchange(Run run, DeviceSession session, ExchangeOutcome o, int attempts) {
    DeviceCommandRequested c = run.command;
    String me = settings.instanceId();
    if (o instanceof ExchangeOutcome.Completed done) {
      if (c.kind() == CommandKind.DUTY_CHECK) {
        Instant deadline = clock.instant().plus(Duration.ofMinutes(c.dutyCheckMinutes()));
        if (c.expiresAt() != null && c.expiresAt().isBefore(deadline)) {
          deadline = c.expiresAt();
        }
        session.trackDutyCheck(
            deadline,
            r ->
                run.finish(
                    r == DeviceSession.DutyCheckResult.ANSWERED
                        ? CommandOutcome.DUTY_CHECK_ANSWERED
                        : CommandOutcome.DUTY_CHECK_UNANSWERED,
                    attempts,
                    me,
                    r == DeviceSession.DutyCheckResult.CONNECTION_LOST
                        ? "connection lost before the reply"
                        : null));
        return;
      }
      boolean response = done.reply() != null && done.reply().command() == Command.RESPONSE;
      run.finish(response ? CommandOutcome.ANSWERED : CommandOutcome.CONFIRMED, attempts, me, null);
    } else if (o instanceof ExchangeOutcome.GaveUp g) {
      String reason = g.reason() == null ? "" : g.reason();
      CommandOutcome outcome;
      if (g.request() == null) { // not connected, or the connection closed meanwhile
        outcome = CommandOutcome.DEVICE_OFFLINE;
      } else if (reason.toLowerCase().contains("den")) {
        outcome = CommandOutcome.DENIED;
      } else {
        outcome = CommandOutcome.TIMED_OUT;
      }
      run.finish(outcome, attempts, me, reason.isEmpty() ? null : reason);
    }
  }

  /**
   * Publishes the command's outcome (id derived from the command id: a redelivery repeats it).
   *
   * @return completes when the outcome is in Kafka; fails if it could not be published
   */
  public CompletableFuture<Void> complete(
      DeviceCommandRequested c,
      CommandOutcome outcome,
      int attempts,
      String gateway,
      String detail) {
    Instant at = clock.instant();
    metrics.command(c.kind().name().toLowerCase(), outcome.name().toLowerCase());
    String id =
        UUID.nameUUIDFromBytes(
                ("command-result/" + c.device() + "/" + c.commandId())
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    CompletableFuture<Void> published =
        publisher.publishEvent(
            id,
            at,
            new DeviceCommandCompleted(
                c.commandId(), c.device(), c.kind(), outcome, attempts, gateway, detail, at));
    published.whenComplete(
        (ok, e) -> {
          if (e != null) {
            log.warn("Result of command {} not published: {}", c.commandId(), e.toString());
          }
        });
    return published;
  }
}
