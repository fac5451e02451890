package io.fenghuo.dispatch.incident;

import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.alarm.AlarmForwardedUnconfirmed;
import io.fenghuo.contracts.alarm.ConfirmationMethod;
import io.fenghuo.contracts.alarm.EscalationReason;
import io.fenghuo.contracts.alarm.FireReport;
import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.contracts.dispatch.IncidentReported;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One fire forwarded to the 119 centre (aggregate): made from the alarm-service's confirmation or
 * unconfirmed forward, sent and resent until the centre acknowledges it, then following the
 * centre's dispatch progress. Its id is derived from the alarm id, so there is one per alarm.
 *
 * @param id the incident; never null
 * @param alarmId the operator's alarm; never null
 * @param operator the operator whose alarm it is; never null
 * @param unit the unit, or null
 * @param confirmed false for an unconfirmed forward not (yet) confirmed
 * @param revision 1, then +1 for every change sent to the centre
 * @param attempt the sends of the current revision, from 1
 * @param status where it stands at the centre; never null
 * @param humanInitiated whether a person raised the first alarm
 * @param firstAlertAt when the first signal occurred; never null
 * @param confirmedAt when the operator confirmed, or null
 * @param confirmedBy who confirmed, or null
 * @param method how, or null
 * @param unconfirmedReason why it was forwarded unconfirmed, or null once confirmed
 * @param notes the operator's notes, or null
 * @param report the fire report of the latest revision; never null
 * @param decidedAt when the alarm-service decided to forward the current revision; never null
 * @param receivedAt when this service received the alarm event of the current revision
 * @param createdAt when this service created the incident; never null
 * @param firstSentAt when Kafka first acknowledged the incident (any revision), or null
 * @param publishedAt when Kafka first acknowledged the current revision, or null
 * @param acknowledgedAt when the first receipt arrived, or null
 * @param ackDeadline when to resend or escalate if no receipt arrives; null once acknowledged or
 *     escalated
 * @param escalatedAt when the operator was told to call 119, or null
 * @param confirmToPublishMillis decision → Kafka acknowledgement of the current revision, or null
 * @param publishToReceiptMillis first publication → first receipt, or null
 */
public record Incident(
    IncidentId id,
    AlarmId alarmId,
    OperatorId operator,
    UnitId unit,
    boolean confirmed,
    int revision,
    int attempt,
    IncidentStatus status,
    boolean humanInitiated,
    Instant firstAlertAt,
    Instant confirmedAt,
    String confirmedBy,
    ConfirmationMethod method,
    EscalationReason unconfirmedReason,
    String notes,
    FireReport report,
    Instant decidedAt,
    Instant receivedAt,
    Instant createdAt,
    Instant firstSentAt,
    Instant publishedAt,
    Instant acknowledgedAt,
    Instant ackDeadline,
    Instant escalatedAt,
    Long confirmToPublishMillis,
    Long publishToReceiptMillis) {

  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(alarmId, "alarmId");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(firstAlertAt, "firstAlertAt");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A new incident from a confirmation. */
  static Incident confirmed(
      OperatorId operator, AlarmConfirmed c, Instant receivedAt, Duration ackTimeout) {
    return new Incident(
        IncidentId.forAlarm(c.alarmId()),
        c.alarmId(),
        operator,
        c.unit(),
        true,
        1,
        1,
        IncidentStatus.AWAITING_RECEIPT,
        c.humanInitiated(),
        c.firstAlertAt(),
        c.confirmedAt(),
        c.confirmedBy(),
        c.method(),
        null,
        c.notes(),
        c.report(),
        c.confirmedAt(),
        receivedAt,
        receivedAt,
        null,
        null,
        null,
        receivedAt.plus(ackTimeout),
        null,
        null,
        null);
  }

  /** A new incident from an unconfirmed forward. */
  static Incident unconfirmed(
      OperatorId operator, AlarmForwardedUnconfirmed f, Instant receivedAt, Duration ackTimeout) {
    return new Incident(
        IncidentId.forAlarm(f.alarmId()),
        f.alarmId(),
        operator,
        f.unit(),
        false,
        1,
        1,
        IncidentStatus.AWAITING_RECEIPT,
        f.humanInitiated(),
        f.firstAlertAt(),
        null,
        null,
        null,
        f.reason(),
        null,
        f.report(),
        f.forwardedAt(),
        receivedAt,
        receivedAt,
        null,
        null,
        null,
        receivedAt.plus(ackTimeout),
        null,
        null,
        null);
  }

  /**
   * The confirmed revision of an incident forwarded unconfirmed: the next revision, sent afresh. If
   * the centre has not acknowledged yet, the timer restarts; an acknowledgement of the unconfirmed
   * revision still stands.
   */
  Incident confirm(AlarmConfirmed c, Instant receivedAt, Duration ackTimeout) {
    return new Incident(
        id,
        alarmId,
        operator,
        c.unit() != null ? c.unit() : unit,
        true,
        revision + 1,
        1,
        status,
        humanInitiated,
        firstAlertAt,
        c.confirmedAt(),
        c.confirmedBy(),
        c.method(),
        null,
        c.notes(),
        c.report(),
        c.confirmedAt(),
        receivedAt,
        createdAt,
        firstSentAt,
        null,
        acknowledgedAt,
        acknowledgedAt == null && escalatedAt == null ? receivedAt.plus(ackTimeout) : null,
        escalatedAt,
        null,
        publishToReceiptMillis);
  }

  /** The next send of the current revision, after no receipt in time. */
  Incident resend(Instant now, Duration ackTimeout) {
    return new Incident(
        id,
        alarmId,
        operator,
        unit,
        confirmed,
        revision,
        attempt + 1,
        status,
        humanInitiated,
        firstAlertAt,
        confirmedAt,
        confirmedBy,
        method,
        unconfirmedReason,
        notes,
        report,
        decidedAt,
        receivedAt,
        createdAt,
        firstSentAt,
        publishedAt,
        acknowledgedAt,
        now.plus(ackTimeout),
        escalatedAt,
        confirmToPublishMillis,
        publishToReceiptMillis);
  }

  /** No receipt after the resends: the operator must phone 119; the timer stops. */
  Incident escalate(Instant now) {
    return new Incident(
        id,
        alarmId,
        operator,
        unit,
        confirmed,
        revision,
        attempt,
        status,
        humanInitiated,
        firstAlertAt,
        confirmedAt,
        confirmedBy,
        method,
        unconfirmedReason,
        notes,
        report,
        decidedAt,
        receivedAt,
        createdAt,
        firstSentAt,
        publishedAt,
        acknowledgedAt,
        null,
        now,
        confirmToPublishMillis,
        publishToReceiptMillis);
  }

  /**
   * Kafka acknowledged a send. The first acknowledgement of a revision fixes its publication time
   * and its decision → publication latency; later ones (resends) change nothing here.
   */
  Incident published(int sentRevision, Instant at) {
    if (sentRevision != revision || publishedAt != null) {
      return this;
    }
    return new Incident(
        id,
        alarmId,
        operator,
        unit,
        confirmed,
        revision,
        attempt,
        status,
        humanInitiated,
        firstAlertAt,
        confirmedAt,
        confirmedBy,
        method,
        unconfirmedReason,
        notes,
        report,
        decidedAt,
        receivedAt,
        createdAt,
        firstSentAt == null ? at : firstSentAt,
        at,
        acknowledgedAt,
        ackDeadline,
        escalatedAt,
        Math.max(0, Duration.between(decidedAt, at).toMillis()),
        publishToReceiptMillis);
  }

  /** A receipt arrived: any receipt proves arrival, so the first one stops the timer. */
  Incident receipt(IncidentStatus reported, Instant at) {
    boolean first = acknowledgedAt == null;
    Long latency =
        !first
            ? publishToReceiptMillis
            : firstSentAt == null
                ? null
                : Math.max(0, Duration.between(firstSentAt, at).toMillis());
    return new Incident(
        id,
        alarmId,
        operator,
        unit,
        confirmed,
        revision,
        attempt,
        status.atLeast(reported),
        humanInitiated,
        firstAlertAt,
        confirmedAt,
        confirmedBy,
        method,
        unconfirmedReason,
        notes,
        report,
        decidedAt,
        receivedAt,
        createdAt,
        firstSentAt,
        publishedAt,
        first ? at : acknowledgedAt,
        null,
        escalatedAt,
        confirmToPublishMillis,
        latency);
  }

  /**
   * The operator dismissed the alarm of an unconfirmed incident: the next revision withdraws it,
   * and the timer stops.
   */
  Incident withdraw() {
    return new Incident(
        id,
        alarmId,
        operator,
        unit,
        confirmed,
        revision + 1,
        1,
        IncidentStatus.WITHDRAWN,
        humanInitiated,
        firstAlertAt,
        confirmedAt,
        confirmedBy,
        method,
        unconfirmedReason,
        notes,
        report,
        decidedAt,
        receivedAt,
        createdAt,
        firstSentAt,
        publishedAt,
        acknowledgedAt,
        null,
        escalatedAt,
        confirmToPublishMillis,
        publishToReceiptMillis);
  }

  /** Whether the centre has answered at all. */
  public boolean acknowledged() {
    return acknowledgedAt != null;
  }

  /** The record for the 119 centre, for the current revision and attempt. */
  public IncidentReported toReport(Instant sentAt) {
    return new IncidentReported(
        id,
        revision,
        attempt,
        confirmed,
        operator,
        alarmId,
        unit,
        humanInitiated,
        firstAlertAt,
        confirmedAt,
        confirmedBy,
        method,
        unconfirmedReason,
        notes,
        sentAt,
        report);
  }
}
