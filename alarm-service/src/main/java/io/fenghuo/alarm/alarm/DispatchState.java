package io.fenghuo.alarm.alarm;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fenghuo.contracts.dispatch.DispatchEvent;
import io.fenghuo.contracts.dispatch.DispatchProgressReported;
import io.fenghuo.contracts.dispatch.IncidentForwarded;
import io.fenghuo.contracts.dispatch.IncidentUnacknowledged;
import io.fenghuo.contracts.dispatch.ReceiptReceived;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What became of an alarm at the 119 boundary, as the dispatch-119 service reported it on the
 * operator's {@code fire.op.<op>.dispatch} stream: the {@code dispatch} block of the alarm detail.
 * The status only moves forward ({@link Status}), so a late or repeated event never takes it back.
 *
 * @param incidentId the incident at 119; never null
 * @param status where it stands; never null
 * @param confirmed whether 119 has it as a confirmed fire (false: forwarded unconfirmed only)
 * @param forwardedAt the first forward on any path, or null
 * @param lastForwardedAt the latest forward, or null
 * @param attempts the highest send attempt seen (2+ = resent because no receipt came)
 * @param acknowledgedAt when 119 acknowledged (the first receipt), or null
 * @param acknowledgedBy who at 119, or null
 * @param progressStage the latest dispatch progress (ACCEPTED … CLOSED), or null
 * @param progressAt when 119 reported it, or null
 * @param unacknowledgedAt when the operator was told to phone 119, or null
 * @param centrePhone the number to phone, or null until the dispatch service named it
 * @param message the words to show the operator with it, or null
 * @param updatedAt the time of the latest event applied; never null
 */
public record DispatchState(
    UUID incidentId,
    Status status,
    boolean confirmed,
    Instant forwardedAt,
    Instant lastForwardedAt,
    int attempts,
    Instant acknowledgedAt,
    String acknowledgedBy,
    String progressStage,
    Instant progressAt,
    Instant unacknowledgedAt,
    String centrePhone,
    String message,
    Instant updatedAt) {

  /** Where an alarm stands at 119, in the order it can only move. */
  public enum Status {
    /** A path took the incident; no receipt yet. */
    FORWARDED,
    /** No receipt after the resends: the operator must phone 119. */
    UNACKNOWLEDGED,
    /** 119 acknowledged (接警确认). */
    ACKNOWLEDGED,
    ACCEPTED,
    UNITS_DISPATCHED,
    ARRIVED,
    UNDER_CONTROL,
    CLOSED;

    Status atLeast(Status other) {
      return compareTo(other) >= 0 ? this : other;
    }
  }

  public DispatchState {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Whether the operator must phone 119 now: no acknowledgement after the resends. */
  @JsonProperty("mustCall119")
  public boolean mustCall119() {
    return status == Status.UNACKNOWLEDGED;
  }

  /**
   * The state after one event of the dispatch stream.
   *
   * @param before the state so far, or null for the alarm's first dispatch event
   * @param event the event; never null
   * @return the new state; never null
   */
  public static DispatchState apply(DispatchState before, DispatchEvent event) {
    DispatchState s =
        before != null
            ? before
            : new DispatchState(
                event.incidentId().value(),
                Status.FORWARDED,
                false,
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                at(event));
    Instant at = at(event);
    Instant updated = s.updatedAt.isAfter(at) ? s.updatedAt : at;
    if (event instanceof IncidentForwarded f) {
      return new DispatchState(
          s.incidentId,
          s.status,
          s.confirmed || f.confirmed(),
          min(s.forwardedAt, f.forwardedAt()),
          max(s.lastForwardedAt, f.forwardedAt()),
          Math.max(s.attempts, f.attempt()),
          s.acknowledgedAt,
          s.acknowledgedBy,
          s.progressStage,
          s.progressAt,
          s.unacknowledgedAt,
          s.centrePhone,
          s.message,
          updated);
    }
    if (event instanceof ReceiptReceived r) {
      return new DispatchState(
          s.incidentId,
          s.status.atLeast(Status.ACKNOWLEDGED),
          s.confirmed,
          s.forwardedAt,
          s.lastForwardedAt,
          s.attempts,
          min(s.acknowledgedAt, r.issuedAt()),
          s.acknowledgedBy != null ? s.acknowledgedBy : r.dispatcher(),
          s.progressStage,
          s.progressAt,
          s.unacknowledgedAt,
          s.centrePhone,
          s.message,
          updated);
    }
    if (event instanceof DispatchProgressReported p) {
      Status stage = Status.valueOf(p.stage().name());
      boolean later = stage.compareTo(s.status) >= 0;
      return new DispatchState(
          s.incidentId,
          s.status.atLeast(stage),
          s.confirmed,
          s.forwardedAt,
          s.lastForwardedAt,
          s.attempts,
          // Any receipt also proves that 119 has the fire.
          s.acknowledgedAt != null ? s.acknowledgedAt : p.issuedAt(),
          s.acknowledgedBy != null ? s.acknowledgedBy : p.dispatcher(),
          later ? stage.name() : s.progressStage,
          later ? p.issuedAt() : s.progressAt,
          s.unacknowledgedAt,
          s.centrePhone,
          s.message,
          updated);
    }
    IncidentUnacknowledged u = (IncidentUnacknowledged) event;
    return new DispatchState(
        s.incidentId,
        s.status.atLeast(Status.UNACKNOWLEDGED),
        s.confirmed,
        s.forwardedAt != null ? s.forwardedAt : u.firstSentAt(),
        s.lastForwardedAt,
        Math.max(s.attempts, u.attempts()),
        s.acknowledgedAt,
        s.acknowledgedBy,
        s.progressStage,
        s.progressAt,
        min(s.unacknowledgedAt, u.escalatedAt()),
        u.centrePhone(),
        u.message(),
        updated);
  }

  /** The time an event happened at. */
  static Instant at(DispatchEvent event) {
    if (event instanceof IncidentForwarded f) {
      return f.forwardedAt();
    }
    if (event instanceof ReceiptReceived r) {
      return r.receivedAt();
    }
    if (event instanceof DispatchProgressReported p) {
      return p.receivedAt();
    }
    return ((IncidentUnacknowledged) event).escalatedAt();
  }

  private static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
