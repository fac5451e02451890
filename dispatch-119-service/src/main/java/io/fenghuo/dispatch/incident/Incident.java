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
    Draft d = Draft.create(IncidentId.forAlarm(c.alarmId()), c.alarmId(), operator, receivedAt);
    d.unit = c.unit();
    d.confirmed = true;
    d.humanInitiated = c.humanInitiated();
    d.firstAlertAt = c.firstAlertAt();
    d.confirmedAt = c.confirmedAt();
    d.confirmedBy = c.confirmedBy();
    d.method = c.method();
    d.notes = c.notes();
    d.report = c.report();
    d.decidedAt = c.confirmedAt();
    d.ackDeadline = receivedAt.plus(ackTimeout);
    return d.build();
  }

  /** A new incident from an unconfirmed forward. */
  static Incident unconfirmed(
      OperatorId operator, AlarmForwardedUnconfirmed f, Instant receivedAt, Duration ackTimeout) {
    Draft d = Draft.create(IncidentId.forAlarm(f.alarmId()), f.alarmId(), operator, receivedAt);
    d.unit = f.unit();
    d.confirmed = false;
    d.humanInitiated = f.humanInitiated();
    d.firstAlertAt = f.firstAlertAt();
    d.unconfirmedReason = f.reason();
    d.report = f.report();
    d.decidedAt = f.forwardedAt();
    d.ackDeadline = receivedAt.plus(ackTimeout);
    return d.build();
  }

  /**
   * The confirmed revision of an incident forwarded unconfirmed: the next revision, sent afresh. If
   * the centre has not acknowledged yet, the timer restarts; an acknowledgement of the unconfirmed
   * revision still stands.
   */
  Incident confirm(AlarmConfirmed c, Instant receivedAt, Duration ackTimeout) {
    Draft d = new Draft(this);
    d.unit = c.unit() != null ? c.unit() : unit;
    d.confirmed = true;
    d.revision = revision + 1;
    d.attempt = 1;
    d.confirmedAt = c.confirmedAt();
    d.confirmedBy = c.confirmedBy();
    d.method = c.method();
    d.unconfirmedReason = null;
    d.notes = c.notes();
    d.report = c.report();
    d.decidedAt = c.confirmedAt();
    d.receivedAt = receivedAt;
    d.publishedAt = null;
    d.ackDeadline =
        acknowledgedAt == null && escalatedAt == null ? receivedAt.plus(ackTimeout) : null;
    d.confirmToPublishMillis = null;
    return d.build();
  }

  /** The next send of the current revision, after no receipt in time. */
  Incident resend(Instant now, Duration ackTimeout) {
    Draft d = new Draft(this);
    d.attempt = attempt + 1;
    d.ackDeadline = now.plus(ackTimeout);
    return d.build();
  }

  /** No receipt after the resends: the operator must phone 119; the timer stops. */
  Incident escalate(Instant now) {
    Draft d = new Draft(this);
    d.ackDeadline = null;
    d.escalatedAt = now;
    return d.build();
  }

  /**
   * Kafka acknowledged a send. The first acknowledgement of a revision fixes its publication time
   * and its decision → publication latency; later ones (resends) change nothing here.
   */
  Incident published(int sentRevision, Instant at) {
    if (sentRevision != revision || publishedAt != null) {
      return this;
    }
    Draft d = new Draft(this);
    d.firstSentAt = firstSentAt == null ? at : firstSentAt;
    d.publishedAt = at;
    d.confirmToPublishMillis = Math.max(0, Duration.between(decidedAt, at).toMillis());
    return d.build();
  }

  /** A receipt arrived: any receipt proves arrival, so the first one stops the timer. */
  Incident receipt(IncidentStatus reported, Instant at) {
    Draft d = new Draft(this);
    d.status = status.atLeast(reported);
    d.ackDeadline = null;
    if (acknowledgedAt == null) {
      d.acknowledgedAt = at;
      d.publishToReceiptMillis =
          firstSentAt == null ? null : Math.max(0, Duration.between(firstSentAt, at).toMillis());
    }
    return d.build();
  }

  /**
   * The operator dismissed the alarm of an unconfirmed incident: the next revision withdraws it,
   * and the timer stops.
   */
  Incident withdraw() {
    Draft d = new Draft(this);
    d.revision = revision + 1;
    d.attempt = 1;
    d.status = IncidentStatus.WITHDRAWN;
    d.ackDeadline = null;
    return d.build();
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

  /**
   * A mutable copy for one transition: each transition states only what it changes, and the record
   * is built once.
   */
  private static final class Draft {
    private IncidentId id;
    private AlarmId alarmId;
    private OperatorId operator;
    private UnitId unit;
    private boolean confirmed;
    private int revision;
    private int attempt;
    private IncidentStatus status;
    private boolean humanInitiated;
    private Instant firstAlertAt;
    private Instant confirmedAt;
    private String confirmedBy;
    private ConfirmationMethod method;
    private EscalationReason unconfirmedReason;
    private String notes;
    private FireReport report;
    private Instant decidedAt;
    private Instant receivedAt;
    private Instant createdAt;
    private Instant firstSentAt;
    private Instant publishedAt;
    private Instant acknowledgedAt;
    private Instant ackDeadline;
    private Instant escalatedAt;
    private Long confirmToPublishMillis;
    private Long publishToReceiptMillis;

    private Draft(Incident from) {
      id = from.id;
      alarmId = from.alarmId;
      operator = from.operator;
      unit = from.unit;
      confirmed = from.confirmed;
      revision = from.revision;
      attempt = from.attempt;
      status = from.status;
      humanInitiated = from.humanInitiated;
      firstAlertAt = from.firstAlertAt;
      confirmedAt = from.confirmedAt;
      confirmedBy = from.confirmedBy;
      method = from.method;
      unconfirmedReason = from.unconfirmedReason;
      notes = from.notes;
      report = from.report;
      decidedAt = from.decidedAt;
      receivedAt = from.receivedAt;
      createdAt = from.createdAt;
      firstSentAt = from.firstSentAt;
      publishedAt = from.publishedAt;
      acknowledgedAt = from.acknowledgedAt;
      ackDeadline = from.ackDeadline;
      escalatedAt = from.escalatedAt;
      confirmToPublishMillis = from.confirmToPublishMillis;
      publishToReceiptMillis = from.publishToReceiptMillis;
    }

    private Draft() {}

    /** Revision 1, attempt 1, awaiting the centre's receipt, created and received now. */
    static Draft create(IncidentId id, AlarmId alarmId, OperatorId operator, Instant receivedAt) {
      Draft d = new Draft();
      d.id = id;
      d.alarmId = alarmId;
      d.operator = operator;
      d.revision = 1;
      d.attempt = 1;
      d.status = IncidentStatus.AWAITING_RECEIPT;
      d.receivedAt = receivedAt;
      d.createdAt = receivedAt;
      return d;
    }

    Incident build() {
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
          ackDeadline,
          escalatedAt,
          confirmToPublishMillis,
          publishToReceiptMillis);
    }
  }
}
