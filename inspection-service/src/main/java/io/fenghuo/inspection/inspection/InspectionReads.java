package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.fault.FaultKind;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.signal.StatusSource;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.gb26875.adu.ComponentType;
import io.fenghuo.gb26875.adu.SystemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The read side of the desk: the board, fault lists, history, devices, polls and the integrity
 * rate, each scoped by the caller's access (another operator's unit is "not found").
 */
public final class InspectionReads {

  private static final int MAX_DAYS = 366;

  private final InspectionDesk desk;
  private final InspectionDesk.Ports ports;
  private final Clock clock;
  private final Tuning tuning;

  InspectionReads(InspectionDesk desk, InspectionDesk.Ports ports, Clock clock, Tuning tuning) {
    this.desk = desk;
    this.ports = ports;
    this.clock = clock;
    this.tuning = tuning;
  }

  /** A unit the caller may see, with the operator it belongs to. */
  public record Visible(OperatorId operator, UnitArchiveChanged unit) {}

  /**
   * The unit if the caller may see it.
   *
   * @throws InspectionException.NotFound if it does not exist or belongs to someone else
   */
  public Visible visibleUnit(Access access, UnitId unitId) {
    requireReads(access);
    if (unitId == null) {
      throw new InspectionException.Invalid("unitId", "is required");
    }
    OperatorId operator =
        switch (access.kind()) {
          case OPERATOR, OPERATOR_SUPERVISOR -> access.operator();
          default -> ports.units().operatorOf(unitId).orElse(null);
        };
    if (operator == null || !access.sees(operator, unitId)) {
      throw new InspectionException.NotFound("unit " + unitId);
    }
    UnitArchiveChanged unit =
        ports
            .units()
            .unit(operator, unitId)
            .orElseThrow(() -> new InspectionException.NotFound("unit " + unitId));
    return new Visible(operator, unit);
  }

  // ---------------------------------------------------------------- board

  /** A unit's status board: devices, systems, and points by building and floor. */
  public Views.UnitBoard board(Access access, UnitId unitId) {
    Visible v = visibleUnit(access, unitId);
    UnitArchiveChanged unit = v.unit();
    List<DeviceAddress> devices = devicesOf(unit);
    Map<String, InspectionQueries.BoardRow> rows = new HashMap<>();
    for (InspectionQueries.BoardRow row : ports.queries().boardRows(v.operator(), devices)) {
      rows.put(row.state().device() + "/" + row.state().objectKey(), row);
    }
    Map<String, List<String>> faultsByObject = new HashMap<>();
    List<FaultRecord> open = ports.queries().openFaults(v.operator(), devices);
    for (FaultRecord f : open) {
      faultsByObject
          .computeIfAbsent(f.device() + "/" + f.objectKey(), k -> new ArrayList<>())
          .add(f.id().toString());
    }
    Policy policy = desk.policy(v.operator());

    List<Views.DeviceView> deviceViews = new ArrayList<>();
    int online = 0;
    int offline = 0;
    int unknown = 0;
    for (Uitd u : ports.queries().uitds(v.operator(), unitId, null)) {
      deviceViews.add(deviceView(u, rows.get(u.device() + "/" + ObjectKey.UITD)));
      switch (u.liveness()) {
        case ONLINE -> online++;
        case OFFLINE -> offline++;
        case UNKNOWN -> unknown++;
      }
    }

    List<Views.SystemView> systems = new ArrayList<>();
    Set<String> listedSystems = new HashSet<>();
    for (UnitArchiveChanged.FacilitySystem s : unit.systems()) {
      PointRef ref = PointRef.system(s.systemType(), s.systemAddress());
      String key = s.device() + "/" + ObjectKey.of(ref);
      listedSystems.add(key);
      systems.add(systemView(s.device(), ref, s.name(), rows.get(key)));
    }
    for (InspectionQueries.BoardRow row : rows.values()) {
      PointState st = row.state();
      String key = st.device() + "/" + st.objectKey();
      if (st.source() == StatusSource.SYSTEM && !listedSystems.contains(key)) {
        systems.add(systemView(st.device(), st.point(), null, row));
      }
    }

    Map<String, UnitArchiveChanged.Building> buildings = new LinkedHashMap<>();
    for (UnitArchiveChanged.Building b : unit.buildings()) {
      buildings.put(b.buildingId(), b);
    }
    Map<String, TreeMap<Integer, List<Views.PointView>>> byBuilding = new LinkedHashMap<>();
    List<Views.PointView> unlocated = new ArrayList<>();
    Set<String> located = new HashSet<>();
    int points = 0;
    int normal = 0;
    int disabled = 0;
    for (UnitArchiveChanged.PointLocation p : unit.points()) {
      String key = p.device() + "/" + ObjectKey.of(p.point());
      located.add(key);
      Views.PointView view =
          pointView(
              p.device(),
              p.point(),
              p.location(),
              p.zone(),
              rows.get(key),
              faultsByObject.getOrDefault(key, List.of()));
      points++;
      normal += "NORMAL".equals(view.state().state()) ? 1 : 0;
      disabled += view.state().flags().contains(StateFlag.DISABLED.name()) ? 1 : 0;
      if (p.buildingId() != null && buildings.containsKey(p.buildingId())) {
        byBuilding
            .computeIfAbsent(p.buildingId(), k -> new TreeMap<>(Comparator.reverseOrder()))
            .computeIfAbsent(
                p.floor() == null ? Integer.MIN_VALUE : p.floor(), k -> new ArrayList<>())
            .add(view);
      } else {
        unlocated.add(view);
      }
    }
    for (InspectionQueries.BoardRow row : rows.values()) {
      PointState st = row.state();
      String key = st.device() + "/" + st.objectKey();
      if (st.source() == StatusSource.COMPONENT && !located.contains(key)) {
        Views.PointView view =
            pointView(
                st.device(),
                st.point(),
                null,
                null,
                row,
                faultsByObject.getOrDefault(key, List.of()));
        points++;
        normal += "NORMAL".equals(view.state().state()) ? 1 : 0;
        disabled += view.state().flags().contains(StateFlag.DISABLED.name()) ? 1 : 0;
        unlocated.add(view);
      }
    }
    List<Views.BuildingView> buildingViews = new ArrayList<>();
    for (UnitArchiveChanged.Building b : buildings.values()) {
      List<Views.FloorView> floors = new ArrayList<>();
      for (Map.Entry<Integer, List<Views.PointView>> floor :
          byBuilding.getOrDefault(b.buildingId(), new TreeMap<>()).entrySet()) {
        Integer number = floor.getKey() == Integer.MIN_VALUE ? null : floor.getKey();
        floors.add(new Views.FloorView(number, floorLabel(number), floor.getValue()));
      }
      buildingViews.add(new Views.BuildingView(b.buildingId(), b.name(), floors));
    }
    UnitArchiveChanged.MaintenanceContract m = unit.maintenance();
    return new Views.UnitBoard(
        new Views.UnitSummary(
            unit.unitId().value(),
            v.operator().value(),
            unit.name(),
            unit.address(),
            unit.districtCode(),
            desk.company(unit, clock.instant()),
            m == null ? null : m.phone()),
        new Views.BoardSummary(
            points,
            normal,
            points - normal,
            open.size(),
            disabled,
            policy.disabledLimit(),
            disabled > policy.disabledLimit(),
            online,
            offline,
            unknown),
        deviceViews,
        systems,
        buildingViews,
        unlocated);
  }

  // ---------------------------------------------------------------- faults

  /** Fault records, newest first: open ones with their age and assignee, or the history. */
  public Views.FaultPage faults(
      Access access,
      String operatorParam,
      UnitId unit,
      Boolean open,
      FaultKind kind,
      Instant from,
      Instant to,
      int page,
      int size) {
    requireFaultReads(access);
    page(page, size);
    OperatorId operator;
    UnitId scope = unit;
    String company = null;
    if (access.kind() == Access.Kind.MAINTENANCE) {
      // A contractor serves units of several operators: its work orders across all of them, or
      // of the one it names.
      operator = null;
      if (operatorParam != null && !operatorParam.isBlank()) {
        try {
          operator = OperatorId.of(operatorParam);
        } catch (IllegalArgumentException e) {
          throw new InspectionException.Invalid("operator", e.getMessage());
        }
      }
      company = access.company();
    } else if (access.kind() == Access.Kind.UNIT_MANAGER) {
      if (unit != null && !unit.equals(access.unit())) {
        return new Views.FaultPage(List.of(), page, size, 0);
      }
      operator = ports.units().operatorOf(access.unit()).orElse(null);
      if (operator == null) {
        return new Views.FaultPage(List.of(), page, size, 0);
      }
      scope = access.unit();
    } else {
      operator = access.listOperator(operatorParam);
    }
    InspectionQueries.FaultList list =
        ports
            .queries()
            .faults(
                new InspectionQueries.FaultQuery(
                    operator, scope, open, kind, from, to, page, size, company));
    Instant now = clock.instant();
    Map<UnitId, Boolean> blind = new HashMap<>();
    List<Views.FaultView> items = new ArrayList<>();
    for (FaultRecord f : list.items()) {
      boolean blindSpot =
          f.open()
              && f.kind() == FaultKind.POINT_DISABLED
              && f.unit() != null
              && blind.computeIfAbsent(f.unit(), u -> overDisabledLimit(f.operator(), u));
      items.add(view(f, now, blindSpot));
    }
    return new Views.FaultPage(items, page, size, list.total());
  }

  /** One fault with its log. */
  public Views.FaultDetail fault(Access access, FaultId id) {
    requireFaultReads(access);
    FaultRecord f =
        ports
            .queries()
            .fault(id)
            .filter(access::sees)
            .orElseThrow(() -> new InspectionException.NotFound("fault " + id));
    boolean blindSpot =
        f.open()
            && f.kind() == FaultKind.POINT_DISABLED
            && f.unit() != null
            && overDisabledLimit(f.operator(), f.unit());
    List<Views.LogView> log =
        ports.queries().log(id).stream()
            .map(e -> new Views.LogView(e.at(), e.actor(), e.entry(), e.detail()))
            .toList();
    return new Views.FaultDetail(view(f, clock.instant(), blindSpot), log);
  }

  // ---------------------------------------------------------------- history, devices, polls

  /** A unit's status history, newest first. */
  public Views.HistoryPage history(
      Access access, UnitId unitId, Instant from, Instant to, int page, int size) {
    page(page, size);
    Visible v = visibleUnit(access, unitId);
    return ports.queries().history(v.operator(), devicesOf(v.unit()), from, to, page, size);
  }

  /** The UITDs of a unit or of the operator, optionally only those online, offline or unknown. */
  public List<Views.DeviceView> devices(
      Access access, String operatorParam, UnitId unitId, Liveness liveness) {
    requireReads(access);
    OperatorId operator;
    if (unitId != null) {
      operator = visibleUnit(access, unitId).operator();
    } else if (access.kind() == Access.Kind.UNIT_MANAGER) {
      operator = visibleUnit(access, access.unit()).operator();
      unitId = access.unit();
    } else {
      operator = access.listOperator(operatorParam);
    }
    List<Uitd> uitds = ports.queries().uitds(operator, unitId, liveness);
    Map<DeviceAddress, InspectionQueries.BoardRow> uitdRows = new HashMap<>();
    for (InspectionQueries.BoardRow row :
        ports.queries().boardRows(operator, uitds.stream().map(Uitd::device).toList())) {
      if (row.state().source() == StatusSource.UITD) {
        uitdRows.put(row.state().device(), row);
      }
    }
    return uitds.stream().map(u -> deviceView(u, uitdRows.get(u.device()))).toList();
  }

  /** A unit's polls and their results, newest first. */
  public List<Views.PollView> polls(Access access, UnitId unitId, int limit) {
    if (limit < 1 || limit > 500) {
      throw new InspectionException.Invalid("limit", "must be 1..500");
    }
    Visible v = visibleUnit(access, unitId);
    return ports.queries().polls(v.operator(), devicesOf(v.unit()), limit).stream()
        .map(InspectionReads::view)
        .toList();
  }

  // ---------------------------------------------------------------- integrity

  /** The scope of an integrity report. */
  public enum Scope {
    UNIT,
    OPERATOR,
    DISTRICT
  }

  /**
   * The integrity rate (完好率) per day over [{@code from}, {@code to}] (calendar days in the
   * service's zone; today counts up to now), and the repair times of the faults closed then.
   */
  public Views.IntegrityReport integrity(
      Access access, Scope scope, String id, LocalDate from, LocalDate to) {
    requireReads(access);
    LocalDate today = LocalDate.ofInstant(clock.instant(), tuning.zone());
    LocalDate last = to == null ? today : to;
    LocalDate first = from == null ? last.minusDays(6) : from;
    if (last.isBefore(first)) {
      throw new InspectionException.Invalid("to", "must not be before from");
    }
    if (first.plusDays(MAX_DAYS).isBefore(last)) {
      throw new InspectionException.Invalid("from", "a report covers at most 366 days");
    }
    List<UnitDirectory.OwnedUnit> units = unitsOf(access, scope, id);
    Instant start = first.atStartOfDay(tuning.zone()).toInstant();
    Instant now = clock.instant();
    Instant endAll = last.plusDays(1).atStartOfDay(tuning.zone()).toInstant();
    Instant end = endAll.isAfter(now) ? now : endAll;

    Map<OperatorId, List<UnitArchiveChanged>> byOperator = new LinkedHashMap<>();
    for (UnitDirectory.OwnedUnit u : units) {
      byOperator.computeIfAbsent(u.operator(), k -> new ArrayList<>()).add(u.unit());
    }
    List<Integrity.Figures> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      days.add(new Integrity.Figures(0, 0, 0));
    }
    List<Duration> repairs = new ArrayList<>();
    int openFaults = 0;
    for (Map.Entry<OperatorId, List<UnitArchiveChanged>> e : byOperator.entrySet()) {
      List<DeviceAddress> devices = new ArrayList<>();
      for (UnitArchiveChanged u : e.getValue()) {
        devices.addAll(devicesOf(u));
      }
      List<FaultRecord> faults =
          end.isAfter(start)
              ? ports.queries().faultsOverlapping(e.getKey(), devices, start, end)
              : List.of();
      for (FaultRecord f : faults) {
        if (f.closedAt() != null && !f.closedAt().isBefore(start) && f.closedAt().isBefore(end)) {
          repairs.add(Duration.between(f.openedAt(), f.closedAt()));
        }
        if (f.closedAt() == null) {
          openFaults++;
        }
      }
      for (UnitArchiveChanged u : e.getValue()) {
        Set<DeviceAddress> own = new HashSet<>(devicesOf(u));
        List<FaultRecord> unitFaults =
            faults.stream().filter(f -> own.contains(f.device())).toList();
        List<Integrity.PointId> points =
            u.points().stream()
                .map(p -> new Integrity.PointId(p.device(), ObjectKey.of(p.point())))
                .toList();
        int i = 0;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1), i++) {
          Instant dayStart = d.atStartOfDay(tuning.zone()).toInstant();
          Instant dayEnd = d.plusDays(1).atStartOfDay(tuning.zone()).toInstant();
          if (dayEnd.isAfter(now)) {
            dayEnd = now;
          }
          if (!dayEnd.isAfter(dayStart)) {
            continue;
          }
          Integrity.Figures f = Integrity.of(points, unitFaults, dayStart, dayEnd);
          days.set(i, days.get(i).plus(f));
        }
      }
    }
    List<Views.DayView> dayViews = new ArrayList<>();
    long abnormalSum = 0;
    double weightSum = 0;
    int i = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1), i++) {
      Integrity.Figures f = days.get(i);
      dayViews.add(
          new Views.DayView(d, f.points(), round(f.rate()), f.abnormalMillis() / 3_600_000.0));
      abnormalSum += f.abnormalMillis();
      weightSum += (double) f.points() * f.spanMillis();
    }
    Integrity.RepairTimes times = Integrity.repairTimes(repairs);
    return new Views.IntegrityReport(
        scope.name(),
        id,
        tuning.zone().getId(),
        first,
        last,
        weightSum == 0 ? null : round(1.0 - abnormalSum / weightSum),
        dayViews,
        new Views.RepairView(
            times.closed(),
            times.mean() == null ? null : times.mean().toSeconds(),
            times.p90() == null ? null : times.p90().toSeconds()),
        openFaults);
  }

  // ---------------------------------------------------------------- helpers

  private List<UnitDirectory.OwnedUnit> unitsOf(Access access, Scope scope, String id) {
    if (scope == Scope.UNIT) {
      UnitId unitId;
      try {
        unitId = UnitId.of(id);
      } catch (IllegalArgumentException e) {
        throw new InspectionException.Invalid("unitId", e.getMessage());
      }
      Visible v = visibleUnit(access, unitId);
      return List.of(new UnitDirectory.OwnedUnit(v.operator(), v.unit()));
    }
    if (access.kind() == Access.Kind.UNIT_MANAGER) {
      throw new InspectionException.Forbidden("a unit manager sees its own unit's figures only");
    }
    if (scope == Scope.OPERATOR) {
      OperatorId operator;
      try {
        operator = OperatorId.of(id);
      } catch (IllegalArgumentException e) {
        throw new InspectionException.Invalid("operator", e.getMessage());
      }
      if (!access.regionWide() && !operator.equals(access.operator())) {
        throw new InspectionException.NotFound("operator " + id);
      }
      return ports.units().units(operator, null);
    }
    if (id == null || !id.matches("[0-9]{6}")) {
      throw new InspectionException.Invalid("district", "must be 6 digits (GB/T 2260)");
    }
    return ports.units().units(access.regionWide() ? null : access.operator(), id);
  }

  private boolean overDisabledLimit(OperatorId operator, UnitId unit) {
    long disabled =
        ports
            .queries()
            .faults(
                new InspectionQueries.FaultQuery(
                    operator, unit, true, FaultKind.POINT_DISABLED, null, null, 0, 1))
            .total();
    return disabled > desk.policy(operator).disabledLimit();
  }

  private static void requireReads(Access access) {
    if (!access.reads()) {
      throw new InspectionException.Forbidden("this role has no access to facility status");
    }
  }

  private static void requireFaultReads(Access access) {
    if (!access.readsFaults()) {
      throw new InspectionException.Forbidden("this role has no access to fault records");
    }
  }

  private static void page(int page, int size) {
    if (size < 1 || size > 200) {
      throw new InspectionException.Invalid("size", "must be 1..200");
    }
    if (page < 0) {
      throw new InspectionException.Invalid("page", "must not be negative");
    }
  }

  static List<DeviceAddress> devicesOf(UnitArchiveChanged unit) {
    return unit.devices().stream().map(UnitArchiveChanged.DeviceBinding::device).toList();
  }

  private static Double round(Double value) {
    return value == null ? null : Math.round(value * 1_000_000.0) / 1_000_000.0;
  }

  private static String floorLabel(Integer floor) {
    if (floor == null) {
      return "?";
    }
    return floor > 0 ? floor + "F" : "B" + (-floor);
  }

  static Views.StateView stateView(InspectionQueries.BoardRow row) {
    if (row == null || row.state().flags() == null) {
      StateDisplay.Shown shown = StateDisplay.of(Set.of());
      return new Views.StateView(
          shown.state(), shown.colour(), shown.text(), List.of(), null, null, null);
    }
    PointState s = row.state();
    StateDisplay.Shown shown = StateDisplay.of(s.flags());
    return new Views.StateView(
        shown.state(),
        shown.colour(),
        shown.text(),
        s.flags().stream().map(Enum::name).sorted().toList(),
        s.description(),
        s.occurredAt(),
        s.receivedAt());
  }

  private static Views.DeviceView deviceView(Uitd u, InspectionQueries.BoardRow uitdRow) {
    return new Views.DeviceView(
        u.device().toString(),
        u.unit() == null ? null : u.unit().value(),
        u.liveness().name(),
        u.lastSeenAt(),
        u.connected(),
        u.disconnectedAt(),
        u.disconnectReason() == null ? null : u.disconnectReason().name(),
        u.offlineSince(),
        u.clockDriftMs() == null ? null : u.clockDriftMs() / 1000.0,
        u.clockDriftAt(),
        u.lastPollAt(),
        u.nextPollAt(),
        stateView(uitdRow));
  }

  private static Views.SystemView systemView(
      DeviceAddress device, PointRef system, String name, InspectionQueries.BoardRow row) {
    return new Views.SystemView(
        device.toString(),
        system.systemType(),
        system.systemAddress(),
        SystemType.of(system.systemType()).label(),
        name,
        stateView(row));
  }

  private static Views.PointView pointView(
      DeviceAddress device,
      PointRef point,
      String location,
      String zone,
      InspectionQueries.BoardRow row,
      List<String> openFaults) {
    Views.AnalogView analog =
        row == null || row.analog() == null
            ? null
            : new Views.AnalogView(
                row.analog().analogType(),
                row.analog().raw(),
                row.analog().value(),
                row.analog().unit(),
                row.analogAt());
    return new Views.PointView(
        device.toString(),
        point,
        point.componentType() == null ? null : ComponentType.of(point.componentType()).label(),
        location,
        zone,
        stateView(row),
        analog,
        openFaults);
  }

  static Views.FaultView view(FaultRecord f, Instant now, boolean blindSpot) {
    Instant until = f.closedAt() == null ? now : f.closedAt();
    return new Views.FaultView(
        f.id().toString(),
        f.operator().value(),
        f.unit() == null ? null : f.unit().value(),
        f.device().toString(),
        f.kind().name(),
        StateDisplay.of(f.kind()),
        f.point(),
        f.location(),
        f.description(),
        f.assignedCompany(),
        f.workOrderState(),
        f.openedAt(),
        Math.max(0, Duration.between(f.openedAt(), until).toSeconds()),
        f.escalationLevel(),
        f.acceptedAt(),
        f.acceptedBy(),
        f.repairedAt(),
        f.repairedBy(),
        f.repairNote(),
        f.closedAt(),
        f.closedBy() == null ? null : f.closedBy().name(),
        f.closedAt() != null,
        blindSpot);
  }

  static Views.PollView view(PollRecord p) {
    return new Views.PollView(
        p.commandId(),
        p.device().toString(),
        p.unit() == null ? null : p.unit().value(),
        p.kind().name(),
        p.trigger().name(),
        p.requestedBy(),
        p.requestedAt(),
        p.systemType(),
        p.systemAddress(),
        p.completedAt(),
        p.outcome(),
        p.attempts(),
        p.detail());
  }
}
