package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.fault.FaultClosed;
import io.fenghuo.contracts.fault.FaultClosure;
import io.fenghuo.contracts.fault.FaultEscalated;
import io.fenghuo.contracts.fault.FaultEvent;
import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.fault.FaultKind;
import io.fenghuo.contracts.fault.FaultOpened;
import io.fenghuo.contracts.fault.FaultWorkOrderUpdated;
import io.fenghuo.contracts.fault.WorkOrderStep;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.PointRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One fault record followed until the device shows it repaired. Commands return nothing and collect
 * the events and log entries they cause; the desk stores the record, then emits them.
 */
public final class Fault {

  /** The role of the first escalation level. */
  public static final String UNIT_MANAGER = "unit-manager";

  /** The role of the second escalation level. */
  public static final String OPERATOR_SUPERVISOR = "operator-supervisor";

  /** The actor of automatic entries. */
  public static final String SYSTEM = "system";

  private FaultRecord r;
  private final boolean isNew;
  private final List<FaultEvent> events = new ArrayList<>();
  private final List<LogEntry> log = new ArrayList<>();

  /** One line of a fault's history. */
  public record LogEntry(Instant at, String actor, String entry, String detail) {}

  private Fault(FaultRecord record, boolean isNew) {
    this.r = Objects.requireNonNull(record);
    this.isNew = isNew;
  }

  /** A stored fault, to work on. */
  public static Fault of(FaultRecord record) {
    return new Fault(record, false);
  }

  /**
   * Opens a fault record.
   *
   * @param signalId the signal that showed it, or null for a communication fault
   */
  public static Fault open(
      FaultId id,
      OperatorId operator,
      UnitId unit,
      DeviceAddress device,
      FaultKind kind,
      String objectKey,
      PointRef point,
      String location,
      String description,
      String assignedCompany,
      String signalId,
      Instant now,
      Policy policy) {
    FaultRecord record =
        new FaultRecord(
            id,
            operator,
            unit,
            device,
            kind,
            objectKey,
            point,
            location,
            description,
            assignedCompany,
            now,
            signalId,
            0,
            now.plus(policy.unitManagerAfter()),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    Fault fault = new Fault(record, true);
    fault.events.add(
        new FaultOpened(
            id, unit, device, kind, point, location, description, assignedCompany, now, signalId));
    fault.log.add(
        new LogEntry(
            now,
            SYSTEM,
            "OPENED",
            kind + (assignedCompany == null ? "" : ", 维保单位 " + assignedCompany)));
    return fault;
  }

  /** The record as it stands. */
  public FaultRecord record() {
    return r;
  }

  /** Whether this record was opened by this command (insert, not update). */
  public boolean isNew() {
    return isNew;
  }

  /** The events caused since load, in order; cleared by reading. */
  public List<FaultEvent> pendingEvents() {
    List<FaultEvent> out = List.copyOf(events);
    events.clear();
    return out;
  }

  /** The log entries caused since load, in order; cleared by reading. */
  public List<LogEntry> pendingLog() {
    List<LogEntry> out = List.copyOf(log);
    log.clear();
    return out;
  }

  /**
   * Applies the escalation levels that are due at {@code now}: level 1 to the unit's manager, level
   * 2 to the operator's supervisor. Counted from the centre's opening time.
   */
  public void escalate(Instant now, Policy policy) {
    if (!r.open()) {
      return;
    }
    int level = r.escalationLevel();
    while (level < 2) {
      Instant due = dueOf(level + 1, policy);
      if (due.isAfter(now)) {
        break;
      }
      level++;
      String to = level == 1 ? UNIT_MANAGER : OPERATOR_SUPERVISOR;
      events.add(
          new FaultEscalated(
              r.id(), r.unit(), r.kind(), level, to, r.openedAt(), now, r.assignedCompany()));
      log.add(new LogEntry(now, SYSTEM, "ESCALATED", "level " + level + " → " + to));
    }
    r = withEscalation(level, level >= 2 ? null : dueOf(level + 1, policy));
  }

  /** Recomputes the next escalation after a policy change. */
  public void reschedule(Policy policy) {
    if (r.open()) {
      int level = r.escalationLevel();
      r = withEscalation(level, level >= 2 ? null : dueOf(level + 1, policy));
    }
  }

  /**
   * The maintenance company accepted the work order.
   *
   * @throws InspectionException.Conflict if the fault is closed or already accepted
   */
  public void accept(String user, String note, Instant now) {
    requireOpen();
    if (r.acceptedAt() != null) {
      throw new InspectionException.Conflict(
          "the work order was accepted by " + r.acceptedBy() + " at " + r.acceptedAt());
    }
    r = copy(now, user, r.repairedAt(), r.repairedBy(), r.repairNote());
    events.add(
        new FaultWorkOrderUpdated(
            r.id(), r.unit(), WorkOrderStep.ACCEPTED, r.assignedCompany(), user, note, now));
    log.add(new LogEntry(now, user, "ACCEPTED", note));
  }

  /**
   * The maintenance company reports the repair done. The fault stays open until the device's
   * recovery signal verifies it; an unaccepted work order counts as accepted now.
   *
   * @throws InspectionException.Conflict if the fault is closed or already reported repaired
   */
  public void repaired(String user, String note, Instant now) {
    requireOpen();
    if (r.repairedAt() != null) {
      throw new InspectionException.Conflict(
          "the repair was reported by " + r.repairedBy() + " at " + r.repairedAt());
    }
    Instant accepted = r.acceptedAt() == null ? now : r.acceptedAt();
    String acceptedBy = r.acceptedBy() == null ? user : r.acceptedBy();
    r = copy(accepted, acceptedBy, now, user, note);
    events.add(
        new FaultWorkOrderUpdated(
            r.id(), r.unit(), WorkOrderStep.REPAIRED, r.assignedCompany(), user, note, now));
    log.add(new LogEntry(now, user, "REPAIRED", note));
  }

  /**
   * Closes the fault: the device showed it repaired.
   *
   * @param signalId the signal that proved it, or null when the device came back online
   */
  public void close(FaultClosure closure, String signalId, Instant now) {
    if (!r.open()) {
      return;
    }
    r =
        new FaultRecord(
            r.id(),
            r.operator(),
            r.unit(),
            r.device(),
            r.kind(),
            r.objectKey(),
            r.point(),
            r.location(),
            r.description(),
            r.assignedCompany(),
            r.openedAt(),
            r.openSignalId(),
            r.escalationLevel(),
            null,
            r.acceptedAt(),
            r.acceptedBy(),
            r.repairedAt(),
            r.repairedBy(),
            r.repairNote(),
            now,
            closure,
            signalId);
    events.add(
        new FaultClosed(
            r.id(),
            r.unit(),
            r.kind(),
            closure,
            r.openedAt(),
            r.repairedAt(),
            now,
            signalId,
            r.assignedCompany()));
    log.add(
        new LogEntry(
            now, SYSTEM, "CLOSED", closure + (r.repairedAt() == null ? "" : ", 维修已由恢复信号验证")));
  }

  private Instant dueOf(int level, Policy policy) {
    return r.openedAt().plus(level == 1 ? policy.unitManagerAfter() : policy.supervisorAfter());
  }

  private void requireOpen() {
    if (!r.open()) {
      throw new InspectionException.Conflict("the fault was closed at " + r.closedAt());
    }
  }

  private FaultRecord withEscalation(int level, Instant next) {
    return new FaultRecord(
        r.id(),
        r.operator(),
        r.unit(),
        r.device(),
        r.kind(),
        r.objectKey(),
        r.point(),
        r.location(),
        r.description(),
        r.assignedCompany(),
        r.openedAt(),
        r.openSignalId(),
        level,
        next,
        r.acceptedAt(),
        r.acceptedBy(),
        r.repairedAt(),
        r.repairedBy(),
        r.repairNote(),
        r.closedAt(),
        r.closedBy(),
        r.closeSignalId());
  }

  private FaultRecord copy(
      Instant acceptedAt, String acceptedBy, Instant repairedAt, String repairedBy, String note) {
    return new FaultRecord(
        r.id(),
        r.operator(),
        r.unit(),
        r.device(),
        r.kind(),
        r.objectKey(),
        r.point(),
        r.location(),
        r.description(),
        r.assignedCompany(),
        r.openedAt(),
        r.openSignalId(),
        r.escalationLevel(),
        r.nextEscalationAt(),
        acceptedAt,
        acceptedBy,
        repairedAt,
        repairedBy,
        note,
        r.closedAt(),
        r.closedBy(),
        r.closeSignalId());
  }
}
