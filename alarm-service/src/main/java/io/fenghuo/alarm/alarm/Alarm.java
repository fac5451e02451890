package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.contracts.alarm.AlarmClaimed;
import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.alarm.AlarmDismissed;
import io.fenghuo.contracts.alarm.AlarmEscalated;
import io.fenghuo.contracts.alarm.AlarmEvent;
import io.fenghuo.contracts.alarm.AlarmForwardedUnconfirmed;
import io.fenghuo.contracts.alarm.AlarmPoint;
import io.fenghuo.contracts.alarm.AlarmPointsAdded;
import io.fenghuo.contracts.alarm.AlarmRaised;
import io.fenghuo.contracts.alarm.AlarmReleased;
import io.fenghuo.contracts.alarm.AlarmUnitAttached;
import io.fenghuo.contracts.alarm.ConfirmationMethod;
import io.fenghuo.contracts.alarm.DismissalVerdict;
import io.fenghuo.contracts.alarm.EscalationReason;
import io.fenghuo.contracts.alarm.FalseAlarmCause;
import io.fenghuo.contracts.alarm.FireReport;
import io.fenghuo.contracts.alarm.ReleaseReason;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.PointRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One alarm (警情): the points of one unit and category while it is open, its claim, calls, timers
 * and result. Commands check the rules and record what happened as pending alarm-stream events and
 * audit entries, which the application service stores and publishes in the same transaction.
 */
public final class Alarm {

  /** Role name an escalation of level 1 goes to: every seat of the operator. */
  public static final String ALL_SEATS = "operator";

  /** Role name an escalation of level 2 goes to. */
  public static final String SUPERVISOR = "operator-supervisor";

  private AlarmRecord r;
  private final List<AlarmEvent> events = new ArrayList<>();
  private final List<TimelineEntry> entries = new ArrayList<>();

  private Alarm(AlarmRecord record) {
    this.r = record;
  }

  /** An alarm as stored. */
  public static Alarm restore(AlarmRecord record) {
    return new Alarm(record);
  }

  /**
   * The id of the alarm a signal opens: derived from the signal's event id, so that a redelivered
   * first signal can never open a second alarm.
   */
  public static AlarmId idFor(String firstSignalEventId) {
    return new AlarmId(
        UUID.nameUUIDFromBytes(("alarm/" + firstSignalEventId).getBytes(StandardCharsets.UTF_8)));
  }

  /** The key whose points join one open alarm: unit (or unbound device) and category. */
  public static String groupKey(UnitId unit, PointSignal signal) {
    return groupKey(unit, signal.device(), signal.category());
  }

  /** See {@link #groupKey(UnitId, PointSignal)}. */
  public static String groupKey(UnitId unit, DeviceAddress device, AlarmCategory category) {
    return (unit != null ? "unit:" + unit : "device:" + device) + "/" + category;
  }

  /**
   * Opens an alarm from its first signal (首警).
   *
   * @param location the first point's location from the archive, or null
   * @param unitName the unit's name from the archive, or null
   */
  public static Alarm open(
      OperatorId operator,
      UnitId unit,
      PointSignal first,
      boolean maintenanceWindow,
      String location,
      String unitName,
      Instant now,
      Policy policy) {
    AlarmRecord record =
        new AlarmRecord(
            idFor(first.eventId()),
            now,
            operator,
            unit,
            first.device(),
            groupKey(unit, first),
            first.category(),
            first.humanInitiated(),
            maintenanceWindow,
            AlarmState.OPEN,
            first.at(),
            first.at(),
            1,
            first.eventId(),
            first.source(),
            first.pointKey(),
            null,
            null,
            null,
            0,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            AlarmRecord.FireDetails.NONE);
    Alarm alarm = new Alarm(record);
    alarm.events.add(
        new AlarmRaised(
            record.id(),
            unit,
            first.device(),
            first.source(),
            first.point(),
            location,
            first.at(),
            first.eventId(),
            first.category(),
            first.humanInitiated(),
            maintenanceWindow,
            unitName));
    alarm.entries.add(
        new TimelineEntry(
            now,
            TimelineEntry.SYSTEM,
            TimelineKind.RAISED,
            describe(first, location)
                + (unit == null ? "（未绑定设备: " + first.device() + " 的单位未知）" : "")
                + (maintenanceWindow ? "（维护/测试时段内）" : "")));
    alarm.schedule(policy);
    return alarm;
  }

  /**
   * Another signal of the group while the alarm is open.
   *
   * @param newPoint whether this point was not yet part of the alarm (else the same point reported
   *     again: its count goes up, the point count does not)
   * @param location the point's location from the archive, or null
   */
  public void addPoint(
      PointSignal signal, boolean newPoint, String location, Instant now, Policy policy) {
    requireOpen();
    boolean quietBefore =
        Duration.between(r.lastPointAt(), signal.at()).compareTo(policy.groupingWindow()) > 0;
    Instant last = signal.at().isAfter(r.lastPointAt()) ? signal.at() : r.lastPointAt();
    int count = r.pointCount() + (newPoint ? 1 : 0);
    r =
        copy(
            r.humanInitiated() || signal.humanInitiated(),
            r.state(),
            last,
            count,
            r.claimedBy(),
            r.claimedAt(),
            r.lastActivityAt(),
            r.escalationLevel(),
            r.forwardedUnconfirmed(),
            r.nextCheckAt());
    if (newPoint) {
      events.add(
          new AlarmPointsAdded(
              r.id(),
              r.unit(),
              List.of(
                  new AlarmPoint(
                      signal.device(),
                      signal.source(),
                      signal.point(),
                      location,
                      signal.at(),
                      signal.eventId())),
              count));
    }
    entries.add(
        new TimelineEntry(
            now,
            TimelineEntry.SYSTEM,
            TimelineKind.POINT_ADDED,
            (quietBefore ? "再次报警: " : "")
                + describe(signal, location)
                + (newPoint ? "" : "（同一点位再次报警）")));
  }

  /**
   * The unit of the alarm's device became known after the alarm opened: the device's binding
   * reached the read model late (the unit stream was not read up to the binding yet, or the device
   * was bound afterwards). The alarm joins its unit's grouping and announces {@link
   * AlarmUnitAttached}, so every view of the queue re-reads it (and the unit's manager hears of
   * it); the audit timeline records the attachment.
   *
   * @param unit the unit the device is bound to now; never null
   * @param unitName the unit's name from the archive, or null
   * @param firstPoint the first point (首警), or null when the UITD itself reported
   * @param location the first point's location from the archive, or null
   * @param maintenanceWindow whether the unit was in a declared test/maintenance window at the
   *     first alert
   * @throws IllegalStateException if the alarm has a unit already
   * @throws AlarmException.Conflict if the alarm is closed
   */
  public void attachUnit(
      UnitId unit,
      String unitName,
      PointRef firstPoint,
      String location,
      boolean maintenanceWindow,
      Instant now) {
    requireOpen();
    if (r.unit() != null) {
      throw new IllegalStateException("alarm " + r.id() + " has its unit " + r.unit() + " already");
    }
    boolean window = r.maintenanceWindow() || maintenanceWindow;
    r =
        new AlarmRecord(
            r.id(),
            r.openedAt(),
            r.operator(),
            java.util.Objects.requireNonNull(unit, "unit"),
            r.device(),
            groupKey(unit, r.device(), r.category()),
            r.category(),
            r.humanInitiated(),
            window,
            r.state(),
            r.firstAlertAt(),
            r.lastPointAt(),
            r.pointCount(),
            r.firstSignalId(),
            r.firstSource(),
            r.firstPointKey(),
            r.claimedBy(),
            r.claimedAt(),
            r.lastActivityAt(),
            r.escalationLevel(),
            r.forwardedUnconfirmed(),
            r.nextCheckAt(),
            r.verdict(),
            r.cause(),
            r.resultBy(),
            r.resultAt(),
            r.resultNotes(),
            r.fire());
    events.add(
        new AlarmUnitAttached(
            r.id(),
            unit,
            r.device(),
            unitName,
            r.category(),
            firstPoint,
            location,
            r.firstAlertAt(),
            window,
            now));
    entries.add(
        new TimelineEntry(
            now,
            TimelineEntry.SYSTEM,
            TimelineKind.UNIT_ATTACHED,
            "设备 "
                + r.device()
                + " 的单位档案已到达: "
                + (unitName == null ? "" : unitName + " ")
                + "("
                + unit
                + ")，已补充单位信息、联系人和处置预案"
                + (window ? "（维护/测试时段内）" : "")));
  }

  /** A panel reset or "alarm cleared" operation reported by the unit's devices. */
  public void recordOperation(TimelineKind kind, String detail, Instant now) {
    if (kind != TimelineKind.PANEL_RESET && kind != TimelineKind.ALARM_CLEARED) {
      throw new IllegalArgumentException(kind + " is not a device operation");
    }
    entries.add(new TimelineEntry(now, TimelineEntry.SYSTEM, kind, detail));
  }

  /**
   * Records what the 119 side reported about this alarm (forward, acknowledgement, progress, the
   * order to phone 119). Allowed in every state: feedback arrives after the confirmation closed it.
   */
  public void recordDispatchFeedback(String actor, String detail, Instant at) {
    entries.add(new TimelineEntry(at, actor, TimelineKind.DISPATCH_FEEDBACK, detail));
  }

  /**
   * Takes the alarm in hand.
   *
   * @param takeOver a supervisor taking it from its holder
   * @throws AlarmException.Conflict if closed, or held by someone else without a take-over
   */
  public void claim(String user, boolean takeOver, Instant now, Policy policy) {
    requireOpen();
    String previous = null;
    if (r.state() == AlarmState.CLAIMED) {
      if (r.claimedBy().equals(user)) {
        return;
      }
      if (!takeOver) {
        throw new AlarmException.Conflict("the alarm is claimed by " + r.claimedBy());
      }
      previous = r.claimedBy();
      events.add(
          new AlarmReleased(r.id(), r.unit(), previous, ReleaseReason.TAKEN_OVER, user, now));
      entries.add(new TimelineEntry(now, user, TimelineKind.RELEASED, "接管自 " + previous));
    }
    r = withClaim(AlarmState.CLAIMED, user, now, now);
    events.add(new AlarmClaimed(r.id(), r.unit(), user, now, previous));
    entries.add(new TimelineEntry(now, user, TimelineKind.CLAIMED, null));
    schedule(policy);
  }

  /**
   * Puts the alarm back in the queue.
   *
   * @param supervisor whether the user may release another's claim
   * @throws AlarmException.Conflict if not claimed, or claimed by someone else
   */
  public void release(String user, boolean supervisor, Instant now, Policy policy) {
    requireOpen();
    if (r.state() != AlarmState.CLAIMED) {
      throw new AlarmException.Conflict("the alarm is not claimed");
    }
    if (!r.claimedBy().equals(user) && !supervisor) {
      throw new AlarmException.Conflict(
          "the alarm is claimed by "
              + r.claimedBy()
              + "; only the holder or a supervisor releases");
    }
    String holder = r.claimedBy();
    r = withClaim(AlarmState.OPEN, null, null, null);
    events.add(new AlarmReleased(r.id(), r.unit(), holder, ReleaseReason.RELEASED, user, now));
    entries.add(
        new TimelineEntry(
            now,
            user,
            TimelineKind.RELEASED,
            holder.equals(user) ? null : "释放 " + holder + " 的认领"));
    schedule(policy);
  }

  /** A call to a contact of the unit was made. */
  public void recordCall(String user, String detail, Instant now, Policy policy) {
    requireHolder(user);
    touch(now, policy);
    entries.add(new TimelineEntry(now, user, TimelineKind.CALL, detail));
  }

  /** A free note. */
  public void recordNote(String user, String text, Instant now, Policy policy) {
    requireHolder(user);
    touch(now, policy);
    entries.add(new TimelineEntry(now, user, TimelineKind.NOTE, text));
  }

  /**
   * Closes the alarm as a true fire and emits {@link AlarmConfirmed}.
   *
   * @param answeredCall whether a call to the unit was answered
   * @param report builds the report for 119 from the stored alarm after the details are set
   */
  public void confirm(
      String user,
      AlarmRecord.FireDetails details,
      String notes,
      boolean answeredCall,
      Instant now,
      java.util.function.Function<AlarmRecord, FireReport> report) {
    requireHolder(user);
    r = closed(AlarmState.CONFIRMED, Verdict.TRUE_FIRE, null, user, now, notes, details);
    ConfirmationMethod method =
        r.humanInitiated()
            ? ConfirmationMethod.MANUAL_ALARM
            : answeredCall ? ConfirmationMethod.PHONE_CONFIRMED : ConfirmationMethod.OTHER;
    events.add(
        new AlarmConfirmed(
            r.id(),
            r.unit(),
            user,
            r.humanInitiated(),
            r.firstAlertAt(),
            now,
            notes,
            method,
            report.apply(r)));
    entries.add(new TimelineEntry(now, user, TimelineKind.CONFIRMED, notes));
  }

  /**
   * Closes the alarm as a false alarm (with its cause) or a test.
   *
   * @throws AlarmException.Invalid if the verdict is not a dismissal or the cause does not fit it
   */
  public void dismiss(
      String user, Verdict verdict, FalseAlarmCause cause, String notes, Instant now) {
    if (verdict == null || verdict == Verdict.TRUE_FIRE) {
      throw new AlarmException.Invalid(
          "verdict", "must be FALSE_ALARM or TEST (a true fire is confirmed, not dismissed)");
    }
    if (verdict == Verdict.FALSE_ALARM && cause == null) {
      throw new AlarmException.Invalid("cause", "is required for FALSE_ALARM");
    }
    if (verdict == Verdict.TEST && cause != null) {
      throw new AlarmException.Invalid("cause", "must be absent for TEST");
    }
    requireHolder(user);
    r = closed(AlarmState.DISMISSED, verdict, cause, user, now, notes, r.fire());
    events.add(
        new AlarmDismissed(
            r.id(),
            r.unit(),
            verdict == Verdict.TEST ? DismissalVerdict.TEST : DismissalVerdict.FALSE_ALARM,
            cause,
            user,
            now,
            notes));
    entries.add(
        new TimelineEntry(
            now,
            user,
            TimelineKind.DISMISSED,
            verdict + (cause == null ? "" : " / " + cause) + (notes == null ? "" : ": " + notes)));
  }

  /**
   * Applies the operator's timers (issue 7 escalation): a claim idle for too long returns to the
   * queue; an alarm nobody claimed re-alerts every seat (level 1); an alarm without a result
   * notifies the supervisor (level 2) and, if the policy says so, a fire alarm is forwarded to 119
   * as unconfirmed, once.
   *
   * @param report the fire report, built only if a forward is due
   */
  public void tick(Instant now, Policy policy, Supplier<FireReport> report) {
    if (!r.state().isOpen()) {
      r = withNextCheck(null);
      return;
    }
    if (r.state() == AlarmState.CLAIMED
        && !now.isBefore(r.lastActivityAt().plus(policy.claimIdleTimeout()))) {
      String holder = r.claimedBy();
      r = withClaim(AlarmState.OPEN, null, null, null);
      events.add(
          new AlarmReleased(
              r.id(), r.unit(), holder, ReleaseReason.IDLE_TIMEOUT, TimelineEntry.SYSTEM, now));
      entries.add(
          new TimelineEntry(
              now,
              TimelineEntry.SYSTEM,
              TimelineKind.CLAIM_EXPIRED,
              holder + " 的认领超时 (" + policy.claimIdleTimeout() + ")"));
    }
    Duration age = Duration.between(r.openedAt(), now);
    if (r.state() == AlarmState.OPEN
        && r.escalationLevel() < 1
        && age.compareTo(policy.unclaimedAfter()) >= 0) {
      escalate(1, EscalationReason.NOT_CLAIMED, ALL_SEATS, now);
    }
    if (r.escalationLevel() < 2 && age.compareTo(policy.unconfirmedAfter()) >= 0) {
      EscalationReason reason =
          r.state() == AlarmState.OPEN
              ? EscalationReason.NOT_CLAIMED
              : EscalationReason.NOT_CONFIRMED_IN_TIME;
      escalate(2, reason, SUPERVISOR, now);
      if (policy.forwardUnconfirmedTo119()
          && r.category() == AlarmCategory.FIRE
          && !r.forwardedUnconfirmed()) {
        r = withForwarded();
        events.add(
            new AlarmForwardedUnconfirmed(
                r.id(),
                r.unit(),
                false,
                reason,
                r.humanInitiated(),
                r.firstAlertAt(),
                now,
                report.get()));
        entries.add(
            new TimelineEntry(
                now, TimelineEntry.SYSTEM, TimelineKind.FORWARDED_UNCONFIRMED, "未经确认的火警已按策略转发119"));
      }
    }
    schedule(policy);
  }

  /** When the timers of this alarm next need looking at, for the current state and policy. */
  public void schedule(Policy policy) {
    if (!r.state().isOpen()) {
      r = withNextCheck(null);
      return;
    }
    Instant next = null;
    if (r.state() == AlarmState.OPEN && r.escalationLevel() < 1) {
      next = r.openedAt().plus(policy.unclaimedAfter());
    } else if (r.escalationLevel() < 2) {
      next = r.openedAt().plus(policy.unconfirmedAfter());
    }
    if (r.state() == AlarmState.CLAIMED) {
      Instant idle = r.lastActivityAt().plus(policy.claimIdleTimeout());
      next = next == null || idle.isBefore(next) ? idle : next;
    }
    r = withNextCheck(next);
  }

  /** The current state. */
  public AlarmRecord record() {
    return r;
  }

  public AlarmId id() {
    return r.id();
  }

  /** The events to publish, in order, since the alarm was loaded. */
  public List<AlarmEvent> pendingEvents() {
    return List.copyOf(events);
  }

  /** The audit entries to append, in order, since the alarm was loaded. */
  public List<TimelineEntry> pendingEntries() {
    return List.copyOf(entries);
  }

  /**
   * @throws AlarmException.Conflict unless the user holds the open alarm
   */
  public void requireHolder(String user) {
    requireOpen();
    if (r.state() != AlarmState.CLAIMED || !r.claimedBy().equals(user)) {
      throw new AlarmException.Conflict(
          r.state() == AlarmState.CLAIMED
              ? "claim the alarm first: it is claimed by " + r.claimedBy()
              : "claim the alarm first");
    }
  }

  private void requireOpen() {
    if (!r.state().isOpen()) {
      throw new AlarmException.Conflict("the alarm is closed (" + r.state() + ")");
    }
  }

  private void touch(Instant now, Policy policy) {
    r =
        copy(
            r.humanInitiated(),
            r.state(),
            r.lastPointAt(),
            r.pointCount(),
            r.claimedBy(),
            r.claimedAt(),
            now,
            r.escalationLevel(),
            r.forwardedUnconfirmed(),
            r.nextCheckAt());
    schedule(policy);
  }

  private void escalate(int level, EscalationReason reason, String to, Instant now) {
    r =
        copy(
            r.humanInitiated(),
            r.state(),
            r.lastPointAt(),
            r.pointCount(),
            r.claimedBy(),
            r.claimedAt(),
            r.lastActivityAt(),
            level,
            r.forwardedUnconfirmed(),
            r.nextCheckAt());
    events.add(new AlarmEscalated(r.id(), r.unit(), reason, level, to, now));
    entries.add(
        new TimelineEntry(
            now,
            TimelineEntry.SYSTEM,
            TimelineKind.ESCALATED,
            "级别 " + level + " → " + to + " (" + reason + ")"));
  }

  private static String describe(PointSignal signal, String location) {
    StringBuilder text = new StringBuilder();
    text.append(signal.category() == AlarmCategory.FIRE ? "火警" : "监管");
    if (signal.source() != null) {
      text.append(' ').append(signal.source());
    }
    text.append(' ').append(signal.pointKey());
    if (location != null) {
      text.append(' ').append(location);
    }
    return text.toString();
  }

  private AlarmRecord withClaim(
      AlarmState state, String user, Instant claimedAt, Instant lastActivity) {
    return copy(
        r.humanInitiated(),
        state,
        r.lastPointAt(),
        r.pointCount(),
        user,
        claimedAt,
        lastActivity,
        r.escalationLevel(),
        r.forwardedUnconfirmed(),
        r.nextCheckAt());
  }

  private AlarmRecord withForwarded() {
    return copy(
        r.humanInitiated(),
        r.state(),
        r.lastPointAt(),
        r.pointCount(),
        r.claimedBy(),
        r.claimedAt(),
        r.lastActivityAt(),
        r.escalationLevel(),
        true,
        r.nextCheckAt());
  }

  private AlarmRecord withNextCheck(Instant next) {
    return copy(
        r.humanInitiated(),
        r.state(),
        r.lastPointAt(),
        r.pointCount(),
        r.claimedBy(),
        r.claimedAt(),
        r.lastActivityAt(),
        r.escalationLevel(),
        r.forwardedUnconfirmed(),
        next);
  }

  private AlarmRecord copy(
      boolean humanInitiated,
      AlarmState state,
      Instant lastPointAt,
      int pointCount,
      String claimedBy,
      Instant claimedAt,
      Instant lastActivityAt,
      int escalationLevel,
      boolean forwarded,
      Instant nextCheckAt) {
    return new AlarmRecord(
        r.id(),
        r.openedAt(),
        r.operator(),
        r.unit(),
        r.device(),
        r.groupKey(),
        r.category(),
        humanInitiated,
        r.maintenanceWindow(),
        state,
        r.firstAlertAt(),
        lastPointAt,
        pointCount,
        r.firstSignalId(),
        r.firstSource(),
        r.firstPointKey(),
        claimedBy,
        claimedAt,
        lastActivityAt,
        escalationLevel,
        forwarded,
        nextCheckAt,
        r.verdict(),
        r.cause(),
        r.resultBy(),
        r.resultAt(),
        r.resultNotes(),
        r.fire());
  }

  private AlarmRecord closed(
      AlarmState state,
      Verdict verdict,
      FalseAlarmCause cause,
      String user,
      Instant now,
      String notes,
      AlarmRecord.FireDetails fire) {
    return new AlarmRecord(
        r.id(),
        r.openedAt(),
        r.operator(),
        r.unit(),
        r.device(),
        r.groupKey(),
        r.category(),
        r.humanInitiated(),
        r.maintenanceWindow(),
        state,
        r.firstAlertAt(),
        r.lastPointAt(),
        r.pointCount(),
        r.firstSignalId(),
        r.firstSource(),
        r.firstPointKey(),
        r.claimedBy(),
        r.claimedAt(),
        now,
        r.escalationLevel(),
        r.forwardedUnconfirmed(),
        null,
        verdict,
        cause,
        user,
        now,
        notes,
        fire);
  }
}
