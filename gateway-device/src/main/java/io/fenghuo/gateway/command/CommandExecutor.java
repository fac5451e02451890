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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a downlink command on a session this instance holds and publishes its {@link
 * DeviceCommandCompleted}: sent with the session's serial, resent on timeout or deny (§6.5, {@code
 * command-timeout} × {@code command-retries}); a 查岗 that the device confirmed is then tracked until
 * {@code dutyCheckMinutes} or {@code expiresAt}, whichever comes first.
 */
public final class CommandExecutor {

  private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

  private final GatewaySettings settings;
  private final SignalPublisher publisher;
  private final GatewayMetrics metrics;
  private final Clock clock;

  public CommandExecutor(
      GatewaySettings settings, SignalPublisher publisher, GatewayMetrics metrics, Clock clock) {
    this.settings = settings;
    this.publisher = publisher;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Sends the command on the session; the outcome is published when known. */
  public void execute(DeviceCommandRequested c, DeviceSession session) {
    Instant now = clock.instant();
    if (c.expiresAt() != null && !now.isBefore(c.expiresAt())) {
      complete(c, CommandOutcome.REJECTED, 0, settings.instanceId(), "expired before it was sent");
      return;
    }
    TypedData data;
    try {
      data = CommandFrames.of(c, now, settings.deviceZone());
    } catch (RuntimeException e) {
      complete(c, CommandOutcome.REJECTED, 0, settings.instanceId(), e.getMessage());
      return;
    }
    AtomicInteger attempts = new AtomicInteger();
    session.send(data, outcome -> onExchange(c, session, outcome, attempts.get()), attempts::set);
  }

  private void onExchange(
      DeviceCommandRequested c, DeviceSession session, ExchangeOutcome o, int attempts) {
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
                complete(
                    c,
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
      complete(
          c, response ? CommandOutcome.ANSWERED : CommandOutcome.CONFIRMED, attempts, me, null);
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
      complete(c, outcome, attempts, me, reason.isEmpty() ? null : reason);
    }
  }

  /** Publishes the command's outcome (id derived from the command id: a redelivery repeats it). */
  public void complete(
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
    publisher
        .publishEvent(
            id,
            at,
            new DeviceCommandCompleted(
                c.commandId(), c.device(), c.kind(), outcome, attempts, gateway, detail, at))
        .whenComplete(
            (ok, e) -> {
              if (e != null) {
                log.warn("Result of command {} not published: {}", c.commandId(), e.toString());
              }
            });
  }
}
