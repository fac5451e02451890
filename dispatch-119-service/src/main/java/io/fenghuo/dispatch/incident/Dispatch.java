package io.fenghuo.dispatch.incident;

import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.alarm.AlarmDismissed;
import io.fenghuo.contracts.alarm.AlarmForwardedUnconfirmed;
import io.fenghuo.contracts.dispatch.DispatchProgressReported;
import io.fenghuo.contracts.dispatch.ForwardPath;
import io.fenghuo.contracts.dispatch.IncidentForwarded;
import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.contracts.dispatch.IncidentUnacknowledged;
import io.fenghuo.contracts.dispatch.IncidentWithdrawn;
import io.fenghuo.contracts.dispatch.ReceiptIssued;
import io.fenghuo.contracts.dispatch.ReceiptReceived;
import io.fenghuo.contracts.dispatch.ReceiptStatus;
import io.fenghuo.contracts.id.OperatorId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dispatch-119 application service: turns the operators' confirmed (or policy-forwarded) fire
 * alarms into one incident each for the 119 centre, waits for the centre's receipt, resends and
 * then escalates when none comes, and carries the centre's receipts back to the operator. Every
 * step is on the incident's timeline; every event leaves through the {@link Outbound} outbox in the
 * transaction of its step.
 */
public final class Dispatch {

  private final Incidents incidents;
  private final Outbound outbound;
  private final Transactions transactions;
  private final Latencies latencies;
  private final DispatchSettings settings;
  private final Clock clock;

  public Dispatch(
      Incidents incidents,
      Outbound outbound,
      Transactions transactions,
      Latencies latencies,
      DispatchSettings settings,
      Clock clock) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.outbound = Objects.requireNonNull(outbound, "outbound");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.latencies = Objects.requireNonNull(latencies, "latencies");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The clock of the service, for adapters that stamp what they observe. */
  public Clock clock() {
    return clock;
  }

  /**
   * An operator confirmed a fire: creates the incident and sends it, or upgrades an incident that
   * went out unconfirmed and sends its confirmed revision. A second confirmation changes nothing.
   *
   * @return the incident after the step
   */
  public Incident confirmed(OperatorId operator, AlarmConfirmed confirmation) {
    Instant now = clock.instant();
    IncidentId id = IncidentId.forAlarm(confirmation.alarmId());
    return transactions.inTransaction(
        () -> {
          Optional<Incident> existing = incidents.lock(id);
          if (existing.isEmpty()) {
            Incident created =
                Incident.confirmed(operator, confirmation, now, settings.ackTimeout());
            return create(created, TimelineKind.ALARM_CONFIRMED, confirmation.confirmedBy());
          }
          Incident incident = existing.get();
          if (incident.confirmed()) {
            incidents.log(
                id,
                TimelineEntry.of(
                    now, TimelineKind.IGNORED, incident, "a further alarm.confirmed of the alarm"));
            return incident;
          }
          Incident upgraded = incident.confirm(confirmation, now, settings.ackTimeout());
          incidents.update(upgraded);
          incidents.log(
              id,
              new TimelineEntry(
                  now,
                  TimelineKind.CONFIRMED_AFTER_FORWARD,
                  null,
                  upgraded.revision(),
                  1,
                  null,
                  confirmation.confirmedBy(),
                  "confirmed by the operator after the unconfirmed forward"));
          send(upgraded, now, TimelineKind.QUEUED);
          return upgraded;
        });
  }

  /**
   * The operator's policy forwarded an unconfirmed fire alarm: creates the incident, flagged
   * unconfirmed, and sends it. If the alarm was confirmed already, the confirmed incident stands.
   */
  public Incident forwardedUnconfirmed(OperatorId operator, AlarmForwardedUnconfirmed forward) {
    Instant now = clock.instant();
    IncidentId id = IncidentId.forAlarm(forward.alarmId());
    return transactions.inTransaction(
        () -> {
          Optional<Incident> existing = incidents.lock(id);
          if (existing.isPresent()) {
            incidents.log(
                id,
                TimelineEntry.of(
                    now,
                    TimelineKind.IGNORED,
                    existing.get(),
                    "alarm.forwarded-unconfirmed after the incident existed"));
            return existing.get();
          }
          Incident created = Incident.unconfirmed(operator, forward, now, settings.ackTimeout());
          return create(
              created, TimelineKind.ALARM_FORWARDED_UNCONFIRMED, "policy " + forward.reason());
        });
  }

  /**
   * The operator dismissed an alarm as a false alarm or test. If it went to 119 unconfirmed, 119 is
   * told it is not a fire (the incident's next revision, a withdrawal); a confirmed incident stays
   * as it is (the dismissal is recorded); an alarm that never went to 119 changes nothing.
   *
   * @return the incident after the step, if there is one
   */
  public Optional<Incident> dismissed(OperatorId operator, AlarmDismissed dismissal) {
    Instant now = clock.instant();
    IncidentId id = IncidentId.forAlarm(dismissal.alarmId());
    return transactions.inTransaction(
        () ->
            incidents
                .lock(id)
                .filter(i -> i.operator().equals(operator))
                .map(
                    incident -> {
                      if (incident.confirmed() || incident.status() == IncidentStatus.WITHDRAWN) {
                        incidents.log(
                            id,
                            TimelineEntry.of(
                                now,
                                TimelineKind.IGNORED,
                                incident,
                                "alarm.dismissed ("
                                    + dismissal.verdict()
                                    + ") of a "
                                    + (incident.confirmed() ? "confirmed" : "withdrawn")
                                    + " incident"));
                        return incident;
                      }
                      Incident withdrawn = incident.withdraw();
                      incidents.update(withdrawn);
                      String reason =
                          dismissal.cause() == null && dismissal.notes() == null
                              ? null
                              : (dismissal.cause() == null ? "" : dismissal.cause() + ": ")
                                  + (dismissal.notes() == null ? "" : dismissal.notes());
                      outbound.toCentre(
                          new IncidentWithdrawn(
                              id,
                              withdrawn.revision(),
                              operator,
                              withdrawn.alarmId(),
                              dismissal.verdict(),
                              reason,
                              dismissal.dismissedBy(),
                              dismissal.dismissedAt()));
                      incidents.log(
                          id,
                          new TimelineEntry(
                              now,
                              TimelineKind.WITHDRAWN,
                              null,
                              withdrawn.revision(),
                              1,
                              dismissal.verdict().name(),
                              dismissal.dismissedBy(),
                              reason));
                      return withdrawn;
                    }));
  }

  private Incident create(Incident incident, TimelineKind kind, String actor) {
    if (!incidents.insert(incident)) {
      // Another instance created it between our lock attempt and the insert: take theirs.
      return incidents.lock(incident.id()).orElseThrow();
    }
    incidents.log(
        incident.id(),
        new TimelineEntry(
            incident.receivedAt(),
            kind,
            null,
            incident.revision(),
            null,
            null,
            actor,
            incident.confirmed() ? "confirmed fire" : "unconfirmed fire alarm (confirmed=false)"));
    send(incident, incident.receivedAt(), TimelineKind.QUEUED);
    return incident;
  }

  private void send(Incident incident, Instant now, TimelineKind kind) {
    outbound.toCentre(incident.toReport(now));
    incidents.log(incident.id(), TimelineEntry.of(now, kind, incident, null));
  }

  /**
   * A path took a send of the incident: Kafka acknowledged it, or the webhook answered 2xx. Records
   * it with its time, the latencies of a revision's first publication, and tells the operator.
   */
  public void forwarded(
      IncidentId id, int revision, int attempt, ForwardPath path, Instant at, String detail) {
    transactions.inTransaction(
        () -> {
          Optional<Incident> found = incidents.lock(id);
          if (found.isEmpty()) {
            return null;
          }
          Incident before = found.get();
          if (before.status() == IncidentStatus.WITHDRAWN && revision == before.revision()) {
            // The withdrawal reached 119: recorded; the operator knows, having dismissed it.
            incidents.log(
                id,
                new TimelineEntry(
                    at, TimelineKind.FORWARDED, path, revision, attempt, null, null, detail));
            return null;
          }
          Incident after = path == ForwardPath.KAFKA ? before.published(revision, at) : before;
          boolean firstOfRevision = after != before;
          if (firstOfRevision) {
            incidents.update(after);
            latencies.confirmationToPublish(
                after.confirmed(), Duration.ofMillis(after.confirmToPublishMillis()));
            if (after.receivedAt() != null) {
              latencies.receiptToPublish(durationBetween(after.receivedAt(), at));
            }
          }
          incidents.log(
              id,
              new TimelineEntry(
                  at, TimelineKind.FORWARDED, path, revision, attempt, null, null, detail));
          outbound.toOperator(
              after.operator(),
              new IncidentForwarded(
                  after.alarmId(),
                  id,
                  after.unit(),
                  after.confirmed(),
                  revision,
                  attempt,
                  path,
                  at,
                  firstOfRevision ? after.confirmToPublishMillis() : null));
          return null;
        });
  }

  /** A path failed to take a send after its retries. */
  public void deliveryFailed(
      IncidentId id, int revision, int attempt, ForwardPath path, Instant at, String detail) {
    transactions.inTransaction(
        () -> {
          if (incidents.find(id).isPresent()) {
            incidents.log(
                id,
                new TimelineEntry(
                    at, TimelineKind.DELIVERY_FAILED, path, revision, attempt, null, null, detail));
            latencies.count(TimelineKind.DELIVERY_FAILED);
          }
          return null;
        });
  }

  /**
   * A receipt of the 119 centre, from {@code fire.119.receipt}.
   *
   * @return false if no incident has the receipt's id (it may be a communication test's)
   */
  public boolean receipt(ReceiptIssued receipt) {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> {
          Optional<Incident> found = incidents.lock(receipt.incidentId());
          if (found.isEmpty()) {
            return false;
          }
          Incident before = found.get();
          Incident after = before.receipt(IncidentStatus.of(receipt.status()), now);
          incidents.update(after);
          incidents.log(
              before.id(),
              new TimelineEntry(
                  now,
                  TimelineKind.RECEIPT,
                  null,
                  receipt.revision(),
                  null,
                  receipt.status().name(),
                  receipt.dispatcher(),
                  receipt.note()));
          if (!before.acknowledged()) {
            if (after.publishToReceiptMillis() != null) {
              latencies.publishToReceipt(Duration.ofMillis(after.publishToReceiptMillis()));
            }
            outbound.toOperator(
                after.operator(),
                new ReceiptReceived(
                    after.alarmId(),
                    after.id(),
                    after.unit(),
                    receipt.issuedAt(),
                    now,
                    receipt.dispatcher(),
                    receipt.centre(),
                    receipt.status().isProgress() ? null : receipt.note(),
                    after.publishToReceiptMillis()));
          }
          if (receipt.status().isProgress()) {
            outbound.toOperator(
                after.operator(),
                new DispatchProgressReported(
                    after.alarmId(),
                    after.id(),
                    after.unit(),
                    receipt.status(),
                    receipt.issuedAt(),
                    now,
                    receipt.dispatcher(),
                    receipt.centre(),
                    receipt.note()));
          }
          return true;
        });
  }

  /**
   * Resends incidents whose receipt is overdue, and escalates those resent often enough: the
   * operator is told to phone 119 and the incident is marked.
   *
   * @return how many incidents were resent or escalated
   */
  public int checkOverdue() {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> {
          List<Incident> overdue = incidents.lockOverdue(now, 100);
          for (Incident incident : overdue) {
            if (incident.attempt() <= settings.resendsBeforeEscalation()) {
              Incident resent = incident.resend(now, settings.ackTimeout());
              incidents.update(resent);
              send(resent, now, TimelineKind.RESENT);
              latencies.count(TimelineKind.RESENT);
            } else {
              Incident escalated = incident.escalate(now);
              incidents.update(escalated);
              incidents.log(
                  incident.id(),
                  TimelineEntry.of(
                      now, TimelineKind.ESCALATED, escalated, settings.escalationMessage()));
              latencies.count(TimelineKind.ESCALATED);
              outbound.toOperator(
                  escalated.operator(),
                  new IncidentUnacknowledged(
                      escalated.alarmId(),
                      escalated.id(),
                      escalated.unit(),
                      escalated.firstSentAt() != null
                          ? escalated.firstSentAt()
                          : escalated.createdAt(),
                      escalated.attempt(),
                      now,
                      settings.centrePhone(),
                      settings.escalationMessage()));
            }
          }
          return overdue.size();
        });
  }

  /**
   * A dispatcher at the fire alarm information terminal acknowledges the incident: the receipt goes
   * out on {@code fire.119.receipt} exactly as a 119 system would send it, and is recorded when it
   * comes back.
   *
   * @throws DispatchException.Forbidden if the caller does not act for the centre
   * @throws DispatchException.NotFound if there is no such incident
   */
  public ReceiptIssued acknowledge(Access access, IncidentId id, String dispatcher, String note) {
    return answer(access, id, ReceiptStatus.ACKNOWLEDGED, dispatcher, note);
  }

  /**
   * A dispatcher reports dispatch progress from the terminal; see {@link #acknowledge}.
   *
   * @throws DispatchException.Invalid if the stage is the mere acknowledgement
   */
  public ReceiptIssued reportProgress(
      Access access, IncidentId id, ReceiptStatus stage, String dispatcher, String note) {
    if (stage == null || !stage.isProgress()) {
      throw new DispatchException.Invalid(
          "stage", "must be one of ACCEPTED, UNITS_DISPATCHED, ARRIVED, UNDER_CONTROL, CLOSED");
    }
    return answer(access, id, stage, dispatcher, note);
  }

  private ReceiptIssued answer(
      Access access, IncidentId id, ReceiptStatus status, String dispatcher, String note) {
    access.requireCentre();
    if (note != null && note.length() > 2000) {
      throw new DispatchException.Invalid("note", "must be at most 2000 characters");
    }
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> {
          Incident incident =
              incidents
                  .find(id)
                  .filter(i -> access.sees(i.operator()))
                  .orElseThrow(() -> notFound(id));
          ReceiptIssued receipt =
              new ReceiptIssued(
                  id, status, now, incident.revision(), dispatcher, settings.centreName(), note);
          outbound.receipt(receipt);
          incidents.log(
              id,
              new TimelineEntry(
                  now,
                  TimelineKind.TERMINAL_ACTION,
                  null,
                  incident.revision(),
                  null,
                  status.name(),
                  dispatcher,
                  "issued through the fire alarm information terminal"));
          return receipt;
        });
  }

  /**
   * A page of the incidents the caller sees.
   *
   * @throws DispatchException.Forbidden if the caller may not read incidents
   */
  public Page<Incident> list(Access access, IncidentQuery query) {
    access.requireRead();
    return transactions.inTransaction(() -> incidents.list(access, query));
  }

  /**
   * One incident with its timeline.
   *
   * @throws DispatchException.NotFound if there is none or the caller may not see it
   */
  public IncidentDetail detail(Access access, IncidentId id) {
    access.requireRead();
    return transactions.inTransaction(
        () -> {
          Incident incident =
              incidents
                  .find(id)
                  .filter(i -> access.sees(i.operator()))
                  .orElseThrow(() -> notFound(id));
          return new IncidentDetail(incident, incidents.timeline(id));
        });
  }

  private static DispatchException.NotFound notFound(IncidentId id) {
    return new DispatchException.NotFound("incident " + id + " not found");
  }

  private static Duration durationBetween(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /**
   * An incident and its record.
   *
   * @param incident the incident
   * @param timeline every step, oldest first
   */
  public record IncidentDetail(Incident incident, List<TimelineEntry> timeline) {}
}
