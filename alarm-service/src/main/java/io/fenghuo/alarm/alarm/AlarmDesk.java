package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.alarm.AlarmEvent;
import io.fenghuo.contracts.alarm.FalseAlarmCause;
import io.fenghuo.contracts.alarm.FireReport;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.contracts.unit.UnitCategory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The alarm desk: the entry point of the alarm-service's domain. Receives signals and groups them
 * into alarms, serves the operators' queue and workflow, applies the escalation timers, and keeps
 * the settings. Every command runs in one transaction with the events it emits (outbox) and its
 * audit entries.
 */
public final class AlarmDesk {

  private static final int TEXT = 2000;

  private final Alarms alarms;
  private final AlarmQueries queries;
  private final UnitDirectory units;
  private final Settings settings;
  private final AlarmStream stream;
  private final Transactions transactions;
  private final Clock clock;

  public AlarmDesk(
      Alarms alarms,
      AlarmQueries queries,
      UnitDirectory units,
      Settings settings,
      AlarmStream stream,
      Transactions transactions,
      Clock clock) {
    this.alarms = Objects.requireNonNull(alarms);
    this.queries = Objects.requireNonNull(queries);
    this.units = Objects.requireNonNull(units);
    this.settings = Objects.requireNonNull(settings);
    this.stream = Objects.requireNonNull(stream);
    this.transactions = Objects.requireNonNull(transactions);
    this.clock = Objects.requireNonNull(clock);
  }

  // ---------------------------------------------------------------- receipt

  /**
   * Opens an alarm for the signal's unit and category, or adds the point to the open one. Runs in
   * (or joins) a transaction; call it through the idempotent consumer so a redelivered signal is
   * dropped before it gets here.
   *
   * @return the alarm the signal landed on
   */
  public AlarmId receive(OperatorId operator, PointSignal signal) {
    return transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          // Under the device's lock the binding read here cannot change until this commits: an
          // alarm opened without its unit is found by the binding's arrival (attachUnits).
          alarms.lockDevice(operator, signal.device());
          UnitArchiveChanged unit = units.unitOfDevice(operator, signal.device()).orElse(null);
          UnitId unitId = unit == null ? null : unit.unitId();
          String group = Alarm.groupKey(unitId, signal);
          alarms.lockGroup(operator, group);
          AlarmId fresh = Alarm.idFor(signal.eventId());
          if (alarms.lock(fresh).isPresent()) {
            // The first signal of an alarm, delivered again: it opened that alarm already.
            return fresh;
          }
          Policy policy = policy(operator);
          PointPlace place = UnitFacts.place(unit, signal.device(), signal.point());
          Optional<Alarm> open = alarms.openInGroup(operator, group);
          Alarm alarm;
          if (open.isPresent()) {
            alarm = open.get();
            boolean newPoint = alarms.recordPoint(alarm, signal, place, now);
            alarm.addPoint(signal, newPoint, place.location(), now, policy);
            alarms.save(alarm);
          } else {
            boolean window =
                unitId != null && settings.inMaintenanceWindow(operator, unitId, signal.at());
            alarm =
                Alarm.open(
                    operator,
                    unitId,
                    signal,
                    window,
                    place.location(),
                    unit == null ? null : unit.name(),
                    now,
                    policy);
            alarms.save(alarm);
            alarms.recordPoint(alarm, signal, place, now);
          }
          emit(alarm, now);
          return alarm.id();
        });
  }

  /**
   * Keeps a unit snapshot from the unit stream in the read model and gives every open alarm of its
   * devices that opened without a unit (the binding arrived after the fire) its unit: enrichment,
   * the unit's grouping, a system entry on the timeline, and {@code alarm.unit-attached} so the
   * queues refresh. One transaction; a fire is never held back waiting for its unit.
   *
   * @return how many alarms got their unit
   */
  public int applyUnit(OperatorId operator, UnitArchiveChanged snapshot) {
    return transactions.inTransaction(
        () -> {
          List<DeviceAddress> devices =
              snapshot.devices().stream()
                  .map(UnitArchiveChanged.DeviceBinding::device)
                  .distinct()
                  .sorted(java.util.Comparator.comparing(DeviceAddress::toString))
                  .toList();
          for (DeviceAddress device : devices) {
            alarms.lockDevice(operator, device); // in one order: no deadlock between snapshots
          }
          if (!units.apply(operator, snapshot)) {
            return 0; // a newer snapshot is held; its arrival attached what it could
          }
          int attached = 0;
          for (DeviceAddress device : devices) {
            for (Alarm alarm : alarms.openWithoutUnit(operator, device)) {
              attach(alarm, snapshot);
              attached++;
            }
          }
          return attached;
        });
  }

  private void attach(Alarm alarm, UnitArchiveChanged unit) {
    Instant now = clock.instant();
    AlarmRecord r = alarm.record();
    alarms.lockGroup(r.operator(), Alarm.groupKey(unit.unitId(), r.device(), r.category()));
    List<StoredPoint> points = alarms.points(alarm);
    PointRef first = points.isEmpty() ? null : points.get(0).point();
    PointPlace firstPlace = UnitFacts.place(unit, r.device(), first);
    boolean window = settings.inMaintenanceWindow(r.operator(), unit.unitId(), r.firstAlertAt());
    alarm.attachUnit(unit.unitId(), unit.name(), first, firstPlace.location(), window, now);
    alarms.save(alarm);
    alarms.placePoints(alarm, p -> UnitFacts.place(unit, p.device(), p.point()));
    emit(alarm, now);
  }

  /**
   * Records a panel reset or "alarm cleared" operation on the open alarm of the device's unit (fire
   * first); ignored when the unit has no open alarm.
   */
  public void recordOperation(
      OperatorId operator, DeviceAddress device, TimelineKind kind, String detail) {
    transactions.inTransaction(
        () -> {
          UnitId unit = units.unitOfDevice(operator, device).map(u -> u.unitId()).orElse(null);
          List<Alarm> open = alarms.openOfUnitOrDevice(operator, unit, device);
          if (!open.isEmpty()) {
            Alarm alarm = open.get(0);
            alarm.recordOperation(kind, detail, clock.instant());
            alarms.save(alarm);
          }
          return null;
        });
  }

  // ---------------------------------------------------------------- workflow

  /** Claims an alarm; a supervisor may take it over from its holder. */
  public Views.AlarmCard claim(Access access, AlarmId id, boolean takeOver) {
    return act(
        access,
        id,
        (alarm, now, policy) ->
            alarm.claim(access.user(), takeOver && access.supervises(), now, policy));
  }

  /** Releases a claim: the holder's own, or any for a supervisor. */
  public Views.AlarmCard release(Access access, AlarmId id) {
    return act(
        access,
        id,
        (alarm, now, policy) -> alarm.release(access.user(), access.supervises(), now, policy));
  }

  /** A call to a contact of the unit, with its outcome. */
  public Views.CallView recordCall(Access access, AlarmId id, CallRequest call) {
    String phone = text("phone", call.phone(), 40, true);
    String contact = text("contactName", call.contactName(), 200, false);
    String note = text("note", call.note(), TEXT, false);
    if (call.outcome() == null) {
      throw new AlarmException.Invalid("outcome", "is required: ANSWERED, NO_ANSWER or BUSY");
    }
    Views.CallView[] made = new Views.CallView[1];
    act(
        access,
        id,
        (alarm, now, policy) -> {
          made[0] = new Views.CallView(now, access.user(), contact, phone, call.outcome(), note);
          alarm.recordCall(
              access.user(),
              (contact == null ? "" : contact + " ")
                  + phone
                  + ": "
                  + call.outcome()
                  + (note == null ? "" : " (" + note + ")"),
              now,
              policy);
          alarms.addCall(alarm, made[0]);
        });
    return made[0];
  }

  /** A free note on the alarm. */
  public Views.TimelineEntryView addNote(Access access, AlarmId id, String text) {
    String note = text("text", text, TEXT, true);
    Views.TimelineEntryView[] made = new Views.TimelineEntryView[1];
    act(
        access,
        id,
        (alarm, now, policy) -> {
          alarm.recordNote(access.user(), note, now, policy);
          made[0] = new Views.TimelineEntryView(now, access.user(), TimelineKind.NOTE, note);
        });
    return made[0];
  }

  /** Confirms a true fire: emits {@code alarm.confirmed} with the fire report. */
  public Views.AlarmDetail confirm(Access access, AlarmId id, ConfirmRequest request) {
    AlarmRecord.FireDetails details =
        new AlarmRecord.FireDetails(
            text("fireLocation", request.fireLocation(), 500, false),
            text("burningMaterial", request.burningMaterial(), 500, false),
            text("fireSize", request.fireSize(), 500, false),
            text("caller", request.caller(), 200, false),
            text("callerPhone", request.callerPhone(), 40, false));
    String notes = text("notes", request.notes(), TEXT, false);
    act(
        access,
        id,
        (alarm, now, policy) -> {
          UnitArchiveChanged unit = unitOf(alarm.record());
          List<StoredPoint> points = alarms.points(alarm);
          alarm.confirm(
              access.user(),
              details,
              notes,
              alarms.hasAnsweredCall(alarm),
              now,
              rec -> report(unit, rec, points));
        });
    return detail(access, id);
  }

  /** Closes as a false alarm (with cause) or a test. */
  public Views.AlarmDetail dismiss(Access access, AlarmId id, DismissRequest request) {
    String notes = text("notes", request.notes(), TEXT, false);
    act(
        access,
        id,
        (alarm, now, policy) ->
            alarm.dismiss(access.user(), request.verdict(), request.cause(), notes, now));
    return detail(access, id);
  }

  // ---------------------------------------------------------------- escalation

  /**
   * Applies the timers of the alarms that are due, up to {@code limit}, in one transaction; due
   * alarms another instance is working on are skipped.
   *
   * @return how many alarms were looked at
   */
  public int applyTimers(int limit) {
    return transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          Map<OperatorId, Policy> policies = new HashMap<>();
          List<Alarm> due = alarms.lockDue(now, limit);
          for (Alarm alarm : due) {
            Policy policy = policies.computeIfAbsent(alarm.record().operator(), this::policy);
            alarm.tick(
                now,
                policy,
                () -> report(unitOf(alarm.record()), alarm.record(), alarms.points(alarm)));
            alarms.save(alarm);
            emit(alarm, now);
          }
          return due.size();
        });
  }

  // ---------------------------------------------------------------- queries

  /** The live queue of the caller's operator (or unit, for a unit manager), in queue order. */
  public Views.Queue queue(Access access, String operatorParam) {
    requireReads(access);
    Instant now = clock.instant();
    if (access.kind() == Access.Kind.UNIT_MANAGER) {
      List<Views.AlarmCard> cards = new ArrayList<>(queries.openCards(null, access.unit()));
      cards.sort(QueueOrder.ORDER);
      return new Views.Queue(cards, new Views.Flood(false, 0, 0, 0));
    }
    OperatorId operator = access.listOperator(operatorParam);
    Policy policy = policy(operator);
    Instant since = now.minus(policy.floodWindow());
    AlarmQueries.FloodCount count = queries.flood(operator, since);
    Set<String> flooding = Set.copyOf(queries.floodingUnits(operator, since, policy.floodPoints()));
    boolean multiUnit = count.points() > policy.floodPoints() && count.units() > 1;
    List<Views.AlarmCard> cards = new ArrayList<>();
    for (Views.AlarmCard card : queries.openCards(operator, null)) {
      cards.add(
          card.flooded(multiUnit || (card.unitId() != null && flooding.contains(card.unitId()))));
    }
    cards.sort(QueueOrder.ORDER);
    return new Views.Queue(
        cards,
        new Views.Flood(
            multiUnit || !flooding.isEmpty(),
            count.alarms(),
            count.units(),
            policy.floodWindow().toMinutes()));
  }

  /** One alarm with everything needed to handle it. */
  public Views.AlarmDetail detail(Access access, AlarmId id) {
    requireReads(access);
    Views.AlarmCard card = visibleCard(access, id);
    OperatorId operator = OperatorId.of(card.operator());
    UnitId unitId = card.unitId() == null ? null : UnitId.of(card.unitId());
    UnitArchiveChanged unit = unitId == null ? null : units.unit(operator, unitId).orElse(null);
    Views.UnitView unitView =
        unit == null
            ? null
            : new Views.UnitView(
                unit.unitId().value(),
                unit.name(),
                unit.category().name(),
                unit.address(),
                unit.districtCode(),
                unit.coordinates() == null
                    ? null
                    : new Views.Coordinates(
                        unit.coordinates().latitude(), unit.coordinates().longitude()));
    UnitCategory category = unit == null ? UnitCategory.OTHER : unit.category();
    List<String> steps =
        settings.actionPlans(operator).getOrDefault(category, ActionPlans.defaults(category));
    Views.Result result = queries.result(id).orElse(null);
    return new Views.AlarmDetail(
        card,
        unitView,
        queries.points(id),
        UnitFacts.contacts(unit),
        queries.falseAlarmRate(operator, unitId, queries.firstPointKey(id).orElse(null)),
        new Views.ActionPlan(category.name(), steps),
        queries.calls(id),
        result,
        queries.timeline(id),
        queries.dispatch(id).orElse(null));
  }

  /** History, newest first. */
  public Views.HistoryPage history(
      Access access, String operatorParam, AlarmQueries.HistoryQuery q) {
    requireReads(access);
    if (q.size() < 1 || q.size() > 200) {
      throw new AlarmException.Invalid("size", "must be 1..200");
    }
    if (q.page() < 0) {
      throw new AlarmException.Invalid("page", "must not be negative");
    }
    if (access.kind() == Access.Kind.UNIT_MANAGER) {
      if (q.unit() != null && !q.unit().equals(access.unit())) {
        return new Views.HistoryPage(List.of(), q.page(), q.size(), 0);
      }
      return queries.history(
          new AlarmQueries.HistoryQuery(
              null,
              access.unit(),
              q.state(),
              q.verdict(),
              q.category(),
              q.from(),
              q.to(),
              q.page(),
              q.size()));
    }
    OperatorId operator = access.listOperator(operatorParam);
    return queries.history(
        new AlarmQueries.HistoryQuery(
            operator,
            q.unit(),
            q.state(),
            q.verdict(),
            q.category(),
            q.from(),
            q.to(),
            q.page(),
            q.size()));
  }

  /** False-alarm statistics per unit and point. */
  public Views.FalseAlarmStatistics statistics(
      Access access, String operatorParam, Instant from, Instant to) {
    requireReads(access);
    if (access.kind() == Access.Kind.UNIT_MANAGER) {
      return queries.statistics(null, access.unit(), from, to);
    }
    return queries.statistics(access.listOperator(operatorParam), null, from, to);
  }

  // ---------------------------------------------------------------- settings

  /** The operator's policy (its own or the defaults). */
  public Policy policy(Access access, String operatorParam) {
    return policy(settingsOperator(access, operatorParam));
  }

  /** Replaces the operator's policy; open alarms' timers follow it at once. */
  public Policy updatePolicy(Access access, String operatorParam, Policy policy) {
    OperatorId operator = settingsOperator(access, operatorParam);
    if (policy == null) {
      throw new AlarmException.Invalid("body", "a policy is required");
    }
    Policy valid = policy.validated();
    transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          settings.savePolicy(operator, valid, access.user(), now);
          alarms.recheckOpen(operator, now);
          return null;
        });
    return valid;
  }

  /** The action plans of every unit category, the operator's own or the defaults. */
  public List<Views.ActionPlan> actionPlans(Access access, String operatorParam) {
    OperatorId operator = settingsOperator(access, operatorParam);
    Map<UnitCategory, List<String>> own = settings.actionPlans(operator);
    List<Views.ActionPlan> plans = new ArrayList<>();
    for (UnitCategory c : UnitCategory.values()) {
      plans.add(new Views.ActionPlan(c.name(), own.getOrDefault(c, ActionPlans.defaults(c))));
    }
    return plans;
  }

  /** Replaces the action plan of a unit category. */
  public Views.ActionPlan updateActionPlan(
      Access access, String operatorParam, String category, List<String> steps) {
    OperatorId operator = settingsOperator(access, operatorParam);
    UnitCategory c;
    try {
      c = UnitCategory.valueOf(category);
    } catch (IllegalArgumentException e) {
      throw new AlarmException.Invalid(
          "unitCategory",
          "'"
              + category
              + "' is not one of KEY_UNIT, CROWDED_PLACE,"
              + " FLAMMABLE_EXPLOSIVE, OTHER");
    }
    List<String> valid = ActionPlans.validated(steps);
    transactions.inTransaction(
        () -> {
          settings.saveActionPlan(operator, c, valid, access.user(), clock.instant());
          return null;
        });
    return new Views.ActionPlan(c.name(), valid);
  }

  /** A unit's declared test/maintenance windows. */
  public List<Views.MaintenanceWindowView> maintenanceWindows(Access access, UnitId unit) {
    return settings.maintenanceWindows(unitOperator(access, unit), unit);
  }

  /** Declares a test/maintenance window: alarms in it are marked, never dropped. */
  public Views.MaintenanceWindowView addMaintenanceWindow(
      Access access, UnitId unit, Instant from, Instant to, String reason) {
    OperatorId operator = unitOperator(access, unit);
    if (from == null) {
      throw new AlarmException.Invalid("from", "is required (ISO instant)");
    }
    if (to == null) {
      throw new AlarmException.Invalid("to", "is required (ISO instant)");
    }
    if (!to.isAfter(from)) {
      throw new AlarmException.Invalid("to", "must be after from");
    }
    if (java.time.Duration.between(from, to).toDays() > 31) {
      throw new AlarmException.Invalid("to", "a window lasts at most 31 days");
    }
    String why = text("reason", reason, 500, true);
    Views.MaintenanceWindowView window =
        new Views.MaintenanceWindowView(
            UUID.randomUUID(), unit.value(), from, to, why, access.user());
    transactions.inTransaction(
        () -> {
          settings.addMaintenanceWindow(operator, unit, window, clock.instant());
          return null;
        });
    return window;
  }

  /** Removes a maintenance window. */
  public void deleteMaintenanceWindow(Access access, UnitId unit, UUID id) {
    OperatorId operator = unitOperator(access, unit);
    boolean deleted =
        transactions.inTransaction(() -> settings.deleteMaintenanceWindow(operator, unit, id));
    if (!deleted) {
      throw new AlarmException.NotFound("maintenance window " + id);
    }
  }

  // ---------------------------------------------------------------- helpers

  /** A command on one alarm. */
  @FunctionalInterface
  private interface Command {
    void apply(Alarm alarm, Instant now, Policy policy);
  }

  private Views.AlarmCard act(Access access, AlarmId id, Command command) {
    if (!access.acts()) {
      throw new AlarmException.Forbidden(
          "the role " + access.kind() + " may read alarms but not act on them");
    }
    transactions.inTransaction(
        () -> {
          Alarm alarm =
              alarms
                  .lock(id)
                  .filter(a -> access.sees(a.record().operator(), a.record().unit()))
                  .orElseThrow(() -> new AlarmException.NotFound("alarm " + id));
          Instant now = clock.instant();
          command.apply(alarm, now, policy(alarm.record().operator()));
          alarms.save(alarm);
          emit(alarm, now);
          return null;
        });
    return queries.card(id).orElseThrow();
  }

  private void emit(Alarm alarm, Instant now) {
    for (AlarmEvent event : alarm.pendingEvents()) {
      stream.emit(alarm.record().operator(), event, now);
    }
  }

  private Views.AlarmCard visibleCard(Access access, AlarmId id) {
    return queries
        .card(id)
        .filter(
            c ->
                access.sees(
                    OperatorId.of(c.operator()), c.unitId() == null ? null : UnitId.of(c.unitId())))
        .orElseThrow(() -> new AlarmException.NotFound("alarm " + id));
  }

  private static void requireReads(Access access) {
    if (!access.reads()) {
      throw new AlarmException.Forbidden("this role has no access to alarms");
    }
  }

  private OperatorId settingsOperator(Access access, String operatorParam) {
    if (!access.supervises()) {
      throw new AlarmException.Forbidden(
          "settings are for operator supervisors and administrators");
    }
    return access.listOperator(operatorParam);
  }

  private OperatorId unitOperator(Access access, UnitId unit) {
    if (!access.supervises()) {
      throw new AlarmException.Forbidden(
          "maintenance windows are for operator supervisors and administrators");
    }
    if (access.kind() == Access.Kind.ADMIN) {
      return units.operatorOf(unit).orElseThrow(() -> new AlarmException.NotFound("unit " + unit));
    }
    units
        .unit(access.operator(), unit)
        .orElseThrow(() -> new AlarmException.NotFound("unit " + unit));
    return access.operator();
  }

  private Policy policy(OperatorId operator) {
    return settings.policy(operator).orElse(Policy.DEFAULTS);
  }

  private UnitArchiveChanged unitOf(AlarmRecord alarm) {
    return alarm.unit() == null ? null : units.unit(alarm.operator(), alarm.unit()).orElse(null);
  }

  private static FireReport report(
      UnitArchiveChanged unit, AlarmRecord alarm, List<StoredPoint> points) {
    PointPlace first =
        points.stream()
            .map(StoredPoint::place)
            .filter(p -> p.location() != null)
            .findFirst()
            .orElse(PointPlace.UNKNOWN);
    List<PointRef> refs = points.stream().map(StoredPoint::point).filter(Objects::nonNull).toList();
    return UnitFacts.report(unit, alarm, refs, first);
  }

  private static String text(String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new AlarmException.Invalid(field, "is required");
      }
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.length() > max) {
      throw new AlarmException.Invalid(field, "at most " + max + " characters");
    }
    return trimmed;
  }

  /** A call's outcome as the operator records it. */
  public record CallRequest(String contactName, String phone, CallOutcome outcome, String note) {}

  /** The confirm form; every field optional. */
  public record ConfirmRequest(
      String fireLocation,
      String burningMaterial,
      String fireSize,
      String caller,
      String callerPhone,
      String notes) {}

  /** The dismiss form. */
  public record DismissRequest(Verdict verdict, FalseAlarmCause cause, String notes) {}
}
