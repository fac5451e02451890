package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.command.CommandKind;
import io.fenghuo.contracts.command.CommandOutcome;
import io.fenghuo.contracts.command.DeviceCommandCompleted;
import io.fenghuo.contracts.command.DeviceCommandRequested;
import io.fenghuo.contracts.fault.FaultClosure;
import io.fenghuo.contracts.fault.FaultEvent;
import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.fault.FaultKind;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.DeviceConnected;
import io.fenghuo.contracts.signal.DeviceDisconnected;
import io.fenghuo.contracts.signal.OperationFlag;
import io.fenghuo.contracts.signal.OperationRecorded;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.signal.StatusChanged;
import io.fenghuo.contracts.signal.StatusSource;
import io.fenghuo.contracts.signal.TelemetryKind;
import io.fenghuo.contracts.signal.TelemetryReported;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The inspection desk: the entry point of the inspection-service's domain. Keeps the status board
 * from the device signals, opens and closes fault records, follows device liveness, sends polls,
 * applies the escalation timers and serves the queries. Every command runs in one transaction with
 * the events and commands it emits (outbox).
 */
public final class InspectionDesk {

  /** A status read counts as the answer of a poll if it arrives this long after the result. */
  private static final Duration ANSWER_SLACK = Duration.ofSeconds(60);

  private final Ports ports;
  private final Transactions transactions;
  private final Clock clock;
  private final Tuning tuning;
  private final Instant startedAt;
  private final InspectionReads reads;

  /** The adapters the desk works with. */
  public record Ports(
      Board board,
      Faults faults,
      Uitds uitds,
      Polls polls,
      Outbox outbox,
      Settings settings,
      UnitDirectory units,
      InspectionQueries queries) {
    public Ports {
      Objects.requireNonNull(board);
      Objects.requireNonNull(faults);
      Objects.requireNonNull(uitds);
      Objects.requireNonNull(polls);
      Objects.requireNonNull(outbox);
      Objects.requireNonNull(settings);
      Objects.requireNonNull(units);
      Objects.requireNonNull(queries);
    }
  }

  public InspectionDesk(Ports ports, Transactions transactions, Clock clock, Tuning tuning) {
    this.ports = Objects.requireNonNull(ports);
    this.transactions = Objects.requireNonNull(transactions);
    this.clock = Objects.requireNonNull(clock);
    this.tuning = Objects.requireNonNull(tuning);
    this.startedAt = clock.instant();
    this.reads = new InspectionReads(this, ports, clock, tuning);
  }

  /** The read side: board, faults, history, devices, polls, integrity. */
  public InspectionReads reads() {
    return reads;
  }

  // ---------------------------------------------------------------- signals

  /**
   * A system, component or UITD reported its state: the board takes it, faults it shows open,
   * faults it no longer shows close. A state older than the one held changes nothing. Call it
   * through the idempotent consumer.
   */
  public void status(OperatorId operator, String signalId, StatusChanged s) {
    transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          Policy policy = policy(operator);
          UnitArchiveChanged unit =
              hear(operator, s.device(), s.receivedAt(), s.occurredAt(), now, policy);
          UnitId unitId = unit == null ? null : unit.unitId();
          String key = ObjectKey.of(s.source(), s.point());
          PointState state =
              new PointState(
                  s.device(),
                  s.source(),
                  s.source() == StatusSource.UITD ? null : s.point(),
                  s.flags(),
                  s.rawState(),
                  s.description(),
                  s.occurredAt(),
                  s.receivedAt());
          Optional<Set<StateFlag>> before =
              ports.board().putUnlessOlder(operator, unitId, state, signalId, now);
          if (before.isEmpty()) {
            return null; // an older state delivered late
          }
          Set<FaultKind> holding = FaultRules.holding(s.source(), s.flags());
          // A fault of an object is opened only by a state of that object showing it, and closed
          // when a later state no longer shows it: if neither the held state nor this one shows a
          // fault, the object has none open. A UITD's communication fault is opened by the timer.
          boolean mayHaveOpen =
              s.source() == StatusSource.UITD
                  || !FaultRules.holding(s.source(), before.get()).isEmpty();
          List<Fault> open =
              mayHaveOpen ? ports.faults().lockOpen(operator, s.device()) : List.of();
          for (Fault f : open) {
            if (f.record().objectKey().equals(key) && !holding.contains(f.record().kind())) {
              f.close(FaultClosure.RECOVERY_SIGNAL, signalId, now);
              store(f, now);
            }
          }
          for (FaultKind kind : holding) {
            boolean alreadyOpen =
                open.stream()
                    .anyMatch(
                        f ->
                            f.record().open()
                                && f.record().kind() == kind
                                && f.record().objectKey().equals(key));
            if (!alreadyOpen) {
              Fault fault =
                  Fault.open(
                      FaultId.forSignal(signalId, kind),
                      operator,
                      unitId,
                      s.device(),
                      kind,
                      key,
                      state.point(),
                      location(unit, s.device(), state.point()),
                      s.description(),
                      company(unit, now),
                      signalId,
                      now,
                      policy);
              storeNew(fault, now);
            }
          }
          if (s.source() == StatusSource.SYSTEM && s.point() != null) {
            List<Fault> loaded = open;
            closeByStatusRead(
                operator,
                s,
                () -> mayHaveOpen ? loaded : ports.faults().lockOpen(operator, s.device()),
                signalId,
                now);
          }
          return null;
        });
  }

  /**
   * An operation on the panel or the UITD. A reset clears the alarm-like states of the reset system
   * (or the whole device) and asks the device for a full status read, which refreshes the board.
   */
  public void operation(OperatorId operator, String signalId, OperationRecorded o) {
    transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          Policy policy = policy(operator);
          UnitArchiveChanged unit =
              hear(operator, o.device(), o.receivedAt(), o.occurredAt(), now, policy);
          UnitId unitId = unit == null ? null : unit.unitId();
          PointRef system =
              o.onUitd() || o.point() == null
                  ? null
                  : PointRef.system(o.point().systemType(), o.point().systemAddress());
          String detail =
              (o.onUitd() ? "用户信息传输装置" : "控制器")
                  + " 操作员 "
                  + o.operatorNumber()
                  + ": "
                  + o.operations();
          ports
              .board()
              .operation(
                  operator,
                  unitId,
                  o.device(),
                  system,
                  o.operations().contains(OperationFlag.RESET),
                  detail,
                  o.receivedAt(),
                  signalId,
                  now);
          if (o.operations().contains(OperationFlag.RESET)) {
            List<PointRef> systems = system != null ? List.of(system) : systemsOf(unit, o.device());
            fullRead(operator, unitId, o.device(), systems, PollTrigger.PANEL_RESET, "system", now);
          }
          return null;
        });
  }

  /** Telemetry: the device is alive; an analog value goes on its component's board entry. */
  public void telemetry(OperatorId operator, String signalId, TelemetryReported t) {
    transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          Policy policy = policy(operator);
          UnitArchiveChanged unit =
              hear(operator, t.device(), t.receivedAt(), t.occurredAt(), now, policy);
          UnitId unitId = unit == null ? null : unit.unitId();
          if (t.kind() == TelemetryKind.ANALOG_VALUE && t.point() != null) {
            ports
                .board()
                .analog(
                    operator,
                    unitId,
                    t.device(),
                    t.point(),
                    t.analog(),
                    t.receivedAt(),
                    signalId,
                    now);
          }
          return null;
        });
  }

  /** A session started: the device is heard. */
  public void connected(OperatorId operator, DeviceConnected c) {
    transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          Policy policy = policy(operator);
          Uitd uitd = lockOrLearn(operator, c.device(), unitIdOf(operator, c.device()), now);
          Uitd.Heard heard = uitd.connected(c.connectedAt(), now, policy);
          ports.uitds().save(uitd);
          if (heard == Uitd.Heard.BACK_ONLINE) {
            closeCommunicationFault(operator, c.device(), now);
          }
          return null;
        });
  }

  /** A session ended: the device must be heard again within the tolerance, or it goes offline. */
  public void disconnected(OperatorId operator, DeviceDisconnected d) {
    transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          Uitd uitd = lockOrLearn(operator, d.device(), unitIdOf(operator, d.device()), now);
          uitd.disconnected(d.disconnectedAt(), d.reason(), policy(operator));
          ports.uitds().save(uitd);
          return null;
        });
  }

  /**
   * The gateway's result of a command: recorded on the poll it belongs to (other services' commands
   * are ignored).
   */
  public void commandCompleted(OperatorId operator, DeviceCommandCompleted r) {
    transactions.inTransaction(
        () -> {
          Optional<PollRecord> poll = ports.polls().lockByCommand(r.commandId());
          // A late result replaces NO_RESULT (that was only the centre's timeout); a real
          // outcome is never replaced.
          if (poll.isEmpty()
              || !poll.get().operator().equals(operator)
              || (poll.get().completedAt() != null
                  && !PollRecord.NO_RESULT.equals(poll.get().outcome()))) {
            return null;
          }
          ports
              .polls()
              .complete(poll.get(), r.outcome().name(), r.attempts(), r.detail(), r.completedAt());
          if (r.outcome() == CommandOutcome.ANSWERED || r.outcome() == CommandOutcome.CONFIRMED) {
            Instant now = clock.instant();
            touch(
                operator,
                r.device(),
                poll.get().unit(),
                r.completedAt(),
                null,
                now,
                policy(operator));
          }
          return null;
        });
  }

  /** A unit's archive changed: the read model keeps it, its UITDs are known and scheduled. */
  public void unitChanged(OperatorId operator, UnitArchiveChanged snapshot) {
    transactions.inTransaction(
        () -> {
          if (!ports.units().apply(operator, snapshot)) {
            return null;
          }
          Instant now = clock.instant();
          for (UnitArchiveChanged.DeviceBinding b : snapshot.devices()) {
            Uitd uitd = lockOrLearn(operator, b.device(), snapshot.unitId(), now);
            if (!snapshot.unitId().equals(uitd.unit())) {
              uitd.boundTo(snapshot.unitId());
              ports.uitds().save(uitd);
            }
          }
          return null;
        });
  }

  /** A unit was removed (tombstone). Its devices' records stay for the history. */
  public void unitRemoved(OperatorId operator, UnitId unit) {
    transactions.inTransaction(
        () -> {
          ports.units().remove(operator, unit);
          return null;
        });
  }

  // ---------------------------------------------------------------- timers

  /**
   * Devices past their offline deadline go offline, each with a communication fault. Nobody is
   * declared offline within the startup grace (the backlog is read first).
   *
   * @return how many devices were looked at
   */
  public int sweepLiveness(int limit) {
    Instant now = clock.instant();
    if (now.isBefore(startedAt.plus(tuning.startupGrace()))) {
      return 0;
    }
    return transactions.inTransaction(
        () -> {
          List<Uitd> due = ports.uitds().lockOverdue(now, limit);
          for (Uitd uitd : due) {
            if (uitd.sweep(now)) {
              ports.uitds().save(uitd);
              openCommunicationFault(uitd, now);
            }
          }
          return due.size();
        });
  }

  /**
   * Escalates the open faults that are due.
   *
   * @return how many faults were looked at
   */
  public int escalate(int limit) {
    return transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          List<Fault> due = ports.faults().lockDue(now, limit);
          for (Fault f : due) {
            f.escalate(now, policy(f.record().operator()));
            store(f, now);
          }
          return due.size();
        });
  }

  /**
   * Sends the polls that are due: a UITD state read (type 81) per device, through {@code
   * device.command}.
   *
   * @return how many devices were polled
   */
  public int pollDue(int limit) {
    return transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          List<Uitd> due = ports.uitds().lockDuePolls(now, limit);
          for (Uitd uitd : due) {
            issue(
                uitd.operator(),
                uitd.unit(),
                uitd.device(),
                CommandKind.READ_UITD_STATE,
                null,
                PollTrigger.SCHEDULED,
                "system",
                now);
            uitd.polled(now, period(uitd.operator(), uitd.unit()));
            ports.uitds().save(uitd);
          }
          return due.size();
        });
  }

  /**
   * Records the polls whose result never came as {@link PollRecord#NO_RESULT}.
   *
   * @return how many
   */
  public int expirePolls(int limit) {
    return transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          List<PollRecord> expired = ports.polls().lockExpired(now, limit);
          for (PollRecord p : expired) {
            ports
                .polls()
                .complete(
                    p,
                    PollRecord.NO_RESULT,
                    null,
                    "no result within " + tuning.pollTimeout().toSeconds() + " s",
                    now);
          }
          return expired.size();
        });
  }

  // ---------------------------------------------------------------- commands of people

  /** The maintenance company accepted the fault's work order. */
  public Views.FaultDetail accept(Access access, FaultId id, String note) {
    return workOrder(access, id, (f, now) -> f.accept(access.user(), text("note", note), now));
  }

  /** The maintenance company reports the repair; the recovery signal will verify it. */
  public Views.FaultDetail repaired(Access access, FaultId id, String note) {
    return workOrder(access, id, (f, now) -> f.repaired(access.user(), text("note", note), now));
  }

  /**
   * A full status read of every UITD of the unit now: UITD state plus the state of each system the
   * archive lists.
   */
  public List<Views.PollView> pollNow(Access access, UnitId unitId) {
    if (!access.polls()) {
      throw new InspectionException.Forbidden("polls are for operators and administrators");
    }
    InspectionReads.Visible visible = reads.visibleUnit(access, unitId);
    List<PollRecord> made =
        transactions.inTransaction(
            () -> {
              Instant now = clock.instant();
              List<PollRecord> out = new ArrayList<>();
              for (UnitArchiveChanged.DeviceBinding b : visible.unit().devices()) {
                out.addAll(
                    fullRead(
                        visible.operator(),
                        unitId,
                        b.device(),
                        systemsOf(visible.unit(), b.device()),
                        PollTrigger.ON_DEMAND,
                        access.user(),
                        now));
              }
              return out;
            });
    return made.stream().map(InspectionReads::view).toList();
  }

  /** The operator's policy (its own or the defaults). */
  public Policy policy(Access access, String operatorParam) {
    return policy(settingsOperator(access, operatorParam));
  }

  /** Replaces the operator's policy: open faults' escalations and poll schedules follow it. */
  public Policy updatePolicy(Access access, String operatorParam, Policy policy) {
    OperatorId operator = settingsOperator(access, operatorParam);
    if (policy == null) {
      throw new InspectionException.Invalid("body", "a policy is required");
    }
    Policy valid = policy.validated();
    transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          ports.settings().savePolicy(operator, valid, access.user(), now);
          for (Fault f : ports.faults().lockOpenOfOperator(operator)) {
            f.reschedule(valid);
            ports.faults().save(f);
          }
          for (Uitd uitd : ports.uitds().lockOf(operator, null)) {
            uitd.reschedule(now, period(operator, uitd.unit()));
            ports.uitds().save(uitd);
          }
          return null;
        });
    return valid;
  }

  /** A unit's effective poll period. */
  public Views.PollPeriodView pollPeriod(Access access, UnitId unitId) {
    InspectionReads.Visible visible = reads.visibleUnit(access, unitId);
    Optional<Duration> own = ports.settings().unitPollPeriod(visible.operator(), unitId);
    return new Views.PollPeriodView(
        unitId.value(),
        own.orElse(policy(visible.operator()).pollPeriod()).toString(),
        own.isPresent() ? "UNIT" : "OPERATOR");
  }

  /**
   * Sets the unit's own poll period, or removes it ({@code period} null): its UITDs' next polls
   * follow at once, without a restart.
   */
  public Views.PollPeriodView setPollPeriod(Access access, UnitId unitId, Duration period) {
    if (!access.supervises()) {
      throw new InspectionException.Forbidden(
          "poll periods are for operator supervisors and administrators");
    }
    InspectionReads.Visible visible = reads.visibleUnit(access, unitId);
    if (period != null) {
      Policy.requirePollPeriod("period", period);
    }
    transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          ports
              .settings()
              .saveUnitPollPeriod(visible.operator(), unitId, period, access.user(), now);
          Duration effective = period(visible.operator(), unitId);
          for (Uitd uitd : ports.uitds().lockOf(visible.operator(), unitId)) {
            uitd.reschedule(now, effective);
            ports.uitds().save(uitd);
          }
          return null;
        });
    return pollPeriod(access, unitId);
  }

  // ---------------------------------------------------------------- helpers

  /** The operator's policy, or the defaults. */
  Policy policy(OperatorId operator) {
    return ports.settings().policy(operator).orElse(Policy.DEFAULTS);
  }

  private Duration period(OperatorId operator, UnitId unit) {
    Optional<Duration> own =
        unit == null ? Optional.empty() : ports.settings().unitPollPeriod(operator, unit);
    return own.orElseGet(() -> policy(operator).pollPeriod());
  }

  /**
   * A signal from the device: it is heard (liveness, clock drift, binding to the unit the unit
   * stream names now).
   *
   * @return the unit the device belongs to, or null
   */
  private UnitArchiveChanged hear(
      OperatorId operator,
      DeviceAddress device,
      Instant receivedAt,
      Instant occurredAt,
      Instant now,
      Policy policy) {
    Uitds.Bound bound = ports.uitds().lockBound(operator, device).orElse(null);
    if (bound == null) {
      UnitId unit = unitIdOf(operator, device);
      ports
          .uitds()
          .insertIfAbsent(Uitd.learned(operator, device, unit, now, period(operator, unit)));
      bound = ports.uitds().lockBound(operator, device).orElseThrow();
    }
    UnitArchiveChanged unit =
        bound.unit() == null
            ? null
            : ports.units().unit(operator, bound.unit(), bound.unitVersion()).orElse(null);
    touch(bound.uitd(), unit == null ? null : unit.unitId(), receivedAt, occurredAt, now, policy);
    return unit;
  }

  private void touch(
      OperatorId operator,
      DeviceAddress device,
      UnitId unit,
      Instant receivedAt,
      Instant occurredAt,
      Instant now,
      Policy policy) {
    touch(lockOrLearn(operator, device, unit, now), unit, receivedAt, occurredAt, now, policy);
  }

  /**
   * The device (locked) was heard. Its row is written only if something other than the last-seen
   * time and the clock drift changed, or they moved by more than {@link Uitd#coalesces} allows:
   * most signals of a busy device change nothing that needs a write.
   */
  private void touch(
      Uitd uitd, UnitId unit, Instant receivedAt, Instant occurredAt, Instant now, Policy policy) {
    Uitd stored = uitd.copy();
    if (unit != null && !unit.equals(uitd.unit())) {
      uitd.boundTo(unit);
    }
    Uitd.Heard heard = uitd.heard(receivedAt, now, policy);
    boolean sync = occurredAt != null && uitd.clockDrift(occurredAt, receivedAt, now, tuning);
    if (!uitd.coalesces(stored, policy)) {
      ports.uitds().save(uitd);
    }
    OperatorId operator = uitd.operator();
    DeviceAddress device = uitd.device();
    if (heard == Uitd.Heard.BACK_ONLINE) {
      closeCommunicationFault(operator, device, now);
    }
    if (sync) {
      ports
          .outbox()
          .command(
              operator,
              new DeviceCommandRequested(
                  UUID.randomUUID().toString(),
                  device,
                  CommandKind.SYNC_CLOCK,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  now,
                  now.plus(tuning.pollTimeout())),
              now);
    }
  }

  private Uitd lockOrLearn(OperatorId operator, DeviceAddress device, UnitId unit, Instant now) {
    Optional<Uitd> held = ports.uitds().lock(operator, device);
    if (held.isPresent()) {
      return held.get();
    }
    ports.uitds().insertIfAbsent(Uitd.learned(operator, device, unit, now, period(operator, unit)));
    return ports.uitds().lock(operator, device).orElseThrow();
  }

  private void closeCommunicationFault(OperatorId operator, DeviceAddress device, Instant now) {
    for (Fault f : ports.faults().lockOpen(operator, device)) {
      if (f.record().kind() == FaultKind.COMMUNICATION_FAULT) {
        f.close(FaultClosure.DEVICE_ONLINE, null, now);
        store(f, now);
      }
    }
  }

  private void openCommunicationFault(Uitd uitd, Instant now) {
    boolean open =
        ports.faults().lockOpen(uitd.operator(), uitd.device()).stream()
            .anyMatch(f -> f.record().kind() == FaultKind.COMMUNICATION_FAULT);
    if (open) {
      return;
    }
    UnitArchiveChanged unit =
        uitd.unit() == null ? null : ports.units().unit(uitd.operator(), uitd.unit()).orElse(null);
    FaultId id =
        new FaultId(
            UUID.nameUUIDFromBytes(
                ("communication/" + uitd.operator() + "/" + uitd.device() + "/" + now)
                    .getBytes(StandardCharsets.UTF_8)));
    store(
        Fault.open(
            id,
            uitd.operator(),
            uitd.unit(),
            uitd.device(),
            FaultKind.COMMUNICATION_FAULT,
            ObjectKey.UITD,
            null,
            null,
            "最后收到 " + uitd.lastSeenAt(),
            company(unit, now),
            null,
            now,
            policy(uitd.operator())),
        now);
  }

  /**
   * A system state that arrives as the answer of the centre's status read (a read of that system
   * recently sent) and shows no fault (or no disable) says none of its components is in fault (or
   * disabled): their open records close as STATUS_READ.
   */
  private void closeByStatusRead(
      OperatorId operator,
      StatusChanged s,
      Supplier<List<Fault>> openFaults,
      String signalId,
      Instant now) {
    boolean read =
        ports
            .polls()
            .systemReadRecent(
                operator,
                s.device(),
                s.point().systemType(),
                s.point().systemAddress(),
                now.minus(tuning.pollTimeout()),
                now.minus(ANSWER_SLACK));
    if (!read) {
      return;
    }
    String prefix = ObjectKey.componentsOf(s.point());
    List<Fault> open = openFaults.get();
    for (StateFlag flag : List.of(StateFlag.FAULT, StateFlag.DISABLED)) {
      if (s.flags().contains(flag)) {
        continue;
      }
      FaultKind kind = FaultRules.componentKindSummarisedBy(flag);
      for (Fault f : open) {
        if (f.record().open()
            && f.record().kind() == kind
            && f.record().objectKey().startsWith(prefix)) {
          f.close(FaultClosure.STATUS_READ, signalId, now);
          store(f, now);
        }
      }
    }
  }

  private List<PollRecord> fullRead(
      OperatorId operator,
      UnitId unit,
      DeviceAddress device,
      List<PointRef> systems,
      PollTrigger trigger,
      String user,
      Instant now) {
    List<PollRecord> out = new ArrayList<>();
    out.add(issue(operator, unit, device, CommandKind.READ_UITD_STATE, null, trigger, user, now));
    for (PointRef system : systems) {
      out.add(
          issue(operator, unit, device, CommandKind.READ_SYSTEM_STATE, system, trigger, user, now));
    }
    return out;
  }

  private PollRecord issue(
      OperatorId operator,
      UnitId unit,
      DeviceAddress device,
      CommandKind kind,
      PointRef system,
      PollTrigger trigger,
      String user,
      Instant now) {
    String commandId = UUID.randomUUID().toString();
    Instant dueBy = now.plus(tuning.pollTimeout());
    PollRecord poll =
        new PollRecord(
            commandId,
            now,
            operator,
            unit,
            device,
            kind,
            trigger,
            user,
            system == null ? null : system.systemType(),
            system == null ? null : system.systemAddress(),
            dueBy,
            null,
            null,
            null,
            null);
    ports.polls().insert(poll);
    ports
        .outbox()
        .command(
            operator,
            new DeviceCommandRequested(
                commandId,
                device,
                kind,
                poll.systemType(),
                poll.systemAddress(),
                null,
                null,
                null,
                null,
                now,
                dueBy),
            now);
    return poll;
  }

  @FunctionalInterface
  private interface WorkOrderStep {
    void apply(Fault fault, Instant now);
  }

  private Views.FaultDetail workOrder(Access access, FaultId id, WorkOrderStep step) {
    if (!access.recordsWorkOrders()) {
      throw new InspectionException.Forbidden("the role " + access.kind() + " may only read");
    }
    transactions.inTransaction(
        () -> {
          Fault fault =
              ports
                  .faults()
                  .lock(id)
                  .filter(f -> access.sees(f.record()))
                  .orElseThrow(() -> new InspectionException.NotFound("fault " + id));
          Instant now = clock.instant();
          step.apply(fault, now);
          store(fault, now);
          return null;
        });
    return reads.fault(access, id);
  }

  private void store(Fault fault, Instant now) {
    ports.faults().save(fault);
    for (FaultEvent event : fault.pendingEvents()) {
      ports.outbox().emit(fault.record().operator(), event, now);
    }
  }

  /** Stores a fault just opened, with its events, unless its record exists already. */
  private void storeNew(Fault fault, Instant now) {
    if (!ports.faults().create(fault)) {
      fault.pendingEvents(); // opened before by the same signal: nothing new
      return;
    }
    for (FaultEvent event : fault.pendingEvents()) {
      ports.outbox().emit(fault.record().operator(), event, now);
    }
  }

  private OperatorId settingsOperator(Access access, String operatorParam) {
    if (!access.supervises()) {
      throw new InspectionException.Forbidden(
          "settings are for operator supervisors and administrators");
    }
    return access.listOperator(operatorParam);
  }

  private UnitArchiveChanged unitOf(OperatorId operator, DeviceAddress device) {
    return ports.units().unitOfDevice(operator, device).orElse(null);
  }

  private UnitId unitIdOf(OperatorId operator, DeviceAddress device) {
    UnitArchiveChanged unit = unitOf(operator, device);
    return unit == null ? null : unit.unitId();
  }

  private static List<PointRef> systemsOf(UnitArchiveChanged unit, DeviceAddress device) {
    if (unit == null) {
      return List.of();
    }
    return unit.systems().stream()
        .filter(s -> s.device().equals(device))
        .map(s -> PointRef.system(s.systemType(), s.systemAddress()))
        .toList();
  }

  /** The location text of a point from the archive, or null. */
  static String location(UnitArchiveChanged unit, DeviceAddress device, PointRef point) {
    if (unit == null || point == null) {
      return null;
    }
    for (UnitArchiveChanged.PointLocation p : unit.points()) {
      if (p.device().equals(device) && p.point().equals(point)) {
        return p.location();
      }
    }
    for (UnitArchiveChanged.FacilitySystem s : unit.systems()) {
      if (point.componentType() == null
          && s.device().equals(device)
          && s.systemType() == point.systemType()
          && s.systemAddress() == point.systemAddress()) {
        return s.name();
      }
    }
    return null;
  }

  /** The maintenance company whose contract covers the day, or null. */
  String company(UnitArchiveChanged unit, Instant now) {
    if (unit == null || unit.maintenance() == null) {
      return null;
    }
    UnitArchiveChanged.MaintenanceContract m = unit.maintenance();
    LocalDate today = LocalDate.ofInstant(now, tuning.zone());
    if ((m.from() != null && today.isBefore(m.from()))
        || (m.to() != null && today.isAfter(m.to()))) {
      return null;
    }
    return m.company();
  }

  private static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.length() > 2000) {
      throw new InspectionException.Invalid(field, "at most 2000 characters");
    }
    return trimmed;
  }
}
