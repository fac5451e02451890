package io.fenghuo.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An in-memory inspection-service speaking its HTTP API (its README, "API") closely enough for the
 * console's tests: it scopes by the relayed token as the service does ({@code Access}): operator
 * staff their operator's units and faults, a unit manager its own unit, admin and supervision every
 * operator's (lists need {@code ?operator=}); a maintenance company the faults assigned to it, of
 * every operator, and nothing else (403); another tenant's unit or fault is 404. Work orders for
 * operator staff, admin, the unit manager and the maintenance company; polls for operator staff and
 * admin; poll periods for supervisors and admin (PT1S–PT2H). A point shows the conditions of its
 * open faults. The real service replaces it in the cross-process test (e2e {@code FaultBoardIT}).
 */
final class StubInspectionService extends StubService {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  // --- fixtures --------------------------------------------------------------------------------

  /** A point of the unit archive, with the conditions it shows now (GB/T 26875.3 state flags). */
  static final class Point {
    final int systemType = 1;
    final int systemAddress = 1;
    final int componentType;
    final long componentAddress;
    final String building;
    final int floor;
    final String location;
    final String component;
    final Set<String> flags = new LinkedHashSet<>();
    Double analog;
    String analogUnit;

    Point(int componentType, long address, String building, int floor, String location, String c) {
      this.componentType = componentType;
      this.componentAddress = address;
      this.building = building;
      this.floor = floor;
      this.location = location;
      this.component = c;
    }

    Map<String, Object> ref() {
      return Map.of(
          "systemType", systemType,
          "systemAddress", systemAddress,
          "componentType", componentType,
          "componentAddress", componentAddress);
    }
  }

  /** A unit with one UITD and its points; change fields before adding. */
  static final class Unit {
    final String id;
    final String operator;
    final String name;
    String address = "杭州市西湖区文三路 100 号";
    String company = "浙江安消维保有限公司";
    String device;
    String liveness = "ONLINE";
    Instant lastSeenAt = Instant.now().minusSeconds(20);
    Duration ownPeriod;
    final List<Point> points = new ArrayList<>();
    final List<Map<String, Object>> polls = new ArrayList<>();

    Unit(String operator, String id, String name) {
      this.operator = operator;
      this.id = id;
      this.name = name;
      this.device = "0133" + Math.abs(id.hashCode() % 100_000_000);
      points.add(new Point(40, 1203, "住院楼", 3, "住院楼 3F 东侧走廊", "点型感烟火灾探测器"));
      points.add(new Point(40, 1204, "住院楼", 3, "住院楼 3F 护士站", "点型感烟火灾探测器"));
      points.add(new Point(23, 2101, "住院楼", 1, "住院楼 1F 大厅", "手动火灾报警按钮"));
      Point pressure = new Point(85, 3001, "住院楼", -1, "住院楼 B1 消防水泵房", "压力传感器");
      pressure.analog = 0.35;
      pressure.analogUnit = "MPa";
      points.add(pressure);
    }
  }

  /** A fault record; the point it names shows its condition while it is open. */
  static final class Fault {
    final String id = UUID.randomUUID().toString();
    final Unit unit;
    final Point point;
    String kind = "POINT_FAULT";
    Instant openedAt = Instant.now().minusSeconds(3 * 3600 + 120);
    Instant acceptedAt;
    String acceptedBy;
    Instant repairedAt;
    String repairedBy;
    String repairNote;
    Instant closedAt;
    String closedBy;
    int escalationLevel;
    final List<Map<String, Object>> log = new ArrayList<>();

    Fault(Unit unit, Point point) {
      this.unit = unit;
      this.point = point;
    }

    boolean open() {
      return closedAt == null;
    }

    String flag() {
      return kind.equals("POINT_DISABLED") ? "DISABLED" : "FAULT";
    }

    String order() {
      if (closedAt != null) {
        return "CLOSED";
      }
      if (repairedAt != null) {
        return "REPAIRED";
      }
      return acceptedAt != null ? "ACCEPTED" : "OPEN";
    }

    Map<String, Object> view() {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", id);
      v.put("operator", unit.operator);
      v.put("unitId", unit.id);
      v.put("device", unit.device);
      v.put("kind", kind);
      v.put("kindText", kind.equals("POINT_DISABLED") ? "部件屏蔽" : "部件故障");
      v.put("point", point.ref());
      v.put("location", point.location);
      v.put("description", point.component);
      v.put("assignedCompany", unit.company);
      v.put("state", order());
      v.put("openedAt", openedAt.toString());
      Instant end = closedAt == null ? Instant.now() : closedAt;
      v.put("ageSeconds", Duration.between(openedAt, end).toSeconds());
      v.put("escalationLevel", escalationLevel);
      v.put("acceptedAt", acceptedAt == null ? null : acceptedAt.toString());
      v.put("acceptedBy", acceptedBy);
      v.put("repairedAt", repairedAt == null ? null : repairedAt.toString());
      v.put("repairedBy", repairedBy);
      v.put("repairNote", repairNote);
      v.put("closedAt", closedAt == null ? null : closedAt.toString());
      v.put("closedBy", closedBy);
      v.put("verifiedByRecovery", closedAt != null && repairedAt != null);
      v.put("blindSpot", false);
      return v;
    }

    void log(String actor, String entry, String detail) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("at", Instant.now().toString());
      e.put("actor", actor);
      e.put("entry", entry);
      e.put("detail", detail);
      log.add(e);
    }
  }

  private final Map<String, Unit> units = new LinkedHashMap<>();
  private final Map<String, Fault> faults = new LinkedHashMap<>();

  static Unit aUnit(String operator, String id, String name) {
    return new Unit(operator, id, name);
  }

  synchronized Unit add(Unit unit) {
    units.put(unit.id, unit);
    return unit;
  }

  /** Opens a fault on a point of the unit (index into its points), as a fault signal would. */
  synchronized Fault openFault(Unit unit, int point, String kind) {
    Fault fault = new Fault(unit, unit.points.get(point));
    fault.kind = kind;
    fault.point.flags.add(fault.flag());
    fault.log("system", "OPENED", fault.point.component);
    faults.put(fault.id, fault);
    return fault;
  }

  /** Closes the fault as the device's recovery signal would. */
  synchronized void recover(Fault fault) {
    fault.closedAt = Instant.now();
    fault.closedBy = "RECOVERY_SIGNAL";
    fault.point.flags.remove(fault.flag());
    fault.log("system", "CLOSED", "RECOVERY_SIGNAL");
  }

  synchronized Fault fault(String id) {
    return faults.get(id);
  }

  /** Forgets every unit and fault (a browser test that wants clean pages for its screenshots). */
  synchronized void clear() {
    units.clear();
    faults.clear();
  }

  // --- the API ---------------------------------------------------------------------------------

  @Override
  Reply answer(Request request) {
    Caller caller = request.caller();
    String path = request.path();
    boolean maintenance = maintenance(caller);
    if (!caller.operatorStaff()
        && !caller.regionWide()
        && !caller.has("unit-manager")
        && !(maintenance && path.startsWith("/api/faults"))) {
      throw new Refused(403, "this role has no access to facility status");
    }
    String method = request.method();
    Map<String, String> query = request.query();
    if (path.equals("/api/faults") && method.equals("GET")) {
      return Reply.ok(faultPage(caller, query));
    }
    if (path.startsWith("/api/faults/")) {
      String[] parts = path.substring("/api/faults/".length()).split("/");
      Fault fault = faults.get(parts[0]);
      if (fault == null || !sees(caller, fault)) {
        throw new Refused(404, "fault " + parts[0]);
      }
      if (parts.length == 2 && method.equals("POST")) {
        workOrder(caller, fault, parts[1], text(request.body(), "note"));
      } else if (parts.length != 1 || !method.equals("GET")) {
        throw new Refused(404, "no such endpoint");
      }
      return Reply.ok(Map.of("fault", fault.view(), "log", fault.log));
    }
    if (path.equals("/api/devices") && method.equals("GET")) {
      return Reply.ok(devices(caller, query));
    }
    if (path.startsWith("/api/units/")) {
      String[] parts = path.substring("/api/units/".length()).split("/");
      Unit unit = visible(caller, parts[0]);
      String what = parts.length > 1 ? parts[1] : "";
      return switch (what + " " + method) {
        case "board GET" -> Reply.ok(board(unit));
        case "polls GET" -> Reply.ok(unit.polls);
        case "polls POST" -> new Reply(202, pollNow(caller, unit));
        case "poll-period GET" -> Reply.ok(period(unit));
        case "poll-period PUT", "poll-period DELETE" -> Reply.ok(setPeriod(caller, unit, request));
        default -> throw new Refused(404, "no such endpoint");
      };
    }
    if (path.startsWith("/api/integrity/") && method.equals("GET")) {
      String[] parts = path.substring("/api/integrity/".length()).split("/");
      return Reply.ok(integrity(caller, parts[0], parts[1], query));
    }
    throw new Refused(404, "no such endpoint");
  }

  /** A maintenance company's staff, unless a broader role applies (as {@code CallerAccess}). */
  private static boolean maintenance(Caller caller) {
    return caller.has("maintenance")
        && !caller.operatorStaff()
        && !caller.regionWide()
        && !caller.has("unit-manager");
  }

  /** A fault by its unit, or for a maintenance company by the company it is assigned to. */
  private boolean sees(Caller caller, Fault fault) {
    if (maintenance(caller)) {
      return caller.company() != null && caller.company().equals(fault.unit.company);
    }
    return sees(caller, fault.unit);
  }

  private boolean sees(Caller caller, Unit unit) {
    if (caller.regionWide()) {
      return true;
    }
    if (caller.operatorStaff()) {
      return unit.operator.equals(caller.operator());
    }
    return unit.id.equals(caller.unit());
  }

  private Unit visible(Caller caller, String id) {
    Unit unit = units.get(id);
    if (unit == null || !sees(caller, unit)) {
      throw new Refused(404, "unit " + id);
    }
    return unit;
  }

  /**
   * The units a list shows: the operator's (region-wide callers name it), or the manager's unit.
   */
  private Stream<Unit> listed(Caller caller, Map<String, String> query) {
    if (maintenance(caller)) {
      String operator = query.get("operator");
      return units.values().stream()
          .filter(u -> u.company.equals(caller.company()))
          .filter(u -> operator == null || u.operator.equals(operator));
    }
    if (caller.operatorStaff()) {
      return units.values().stream().filter(u -> u.operator.equals(caller.operator()));
    }
    if (caller.regionWide()) {
      String operator = query.get("operator");
      if (operator == null) {
        throw new Refused(400, "operator: is required for " + caller.roles() + " on this list");
      }
      return units.values().stream().filter(u -> u.operator.equals(operator));
    }
    return units.values().stream().filter(u -> u.id.equals(caller.unit()));
  }

  private Map<String, Object> faultPage(Caller caller, Map<String, String> query) {
    String state = query.getOrDefault("state", "open");
    Set<Unit> scope = new LinkedHashSet<>(listed(caller, query).toList());
    List<Map<String, Object>> items =
        faults.values().stream()
            .filter(f -> scope.contains(f.unit))
            .filter(f -> !query.containsKey("unit") || f.unit.id.equals(query.get("unit")))
            .filter(f -> !query.containsKey("kind") || f.kind.equals(query.get("kind")))
            .filter(f -> state.equals("all") || (state.equals("open") == f.open()))
            .sorted(Comparator.comparing((Fault f) -> f.openedAt).reversed())
            .map(Fault::view)
            .toList();
    int page = Integer.parseInt(query.getOrDefault("page", "0"));
    int size = Integer.parseInt(query.getOrDefault("size", "50"));
    List<Map<String, Object>> slice =
        items.subList(
            Math.min(items.size(), page * size), Math.min(items.size(), (page + 1) * size));
    return Map.of("items", slice, "page", page, "size", size, "total", items.size());
  }

  private void workOrder(Caller caller, Fault fault, String step, String note) {
    if (!caller.operatorStaff()
        && !caller.has("admin")
        && !caller.has("unit-manager")
        && !maintenance(caller)) {
      throw new Refused(403, "the role may only read");
    }
    if (!fault.open()) {
      throw new Refused(409, "fault " + fault.id + " is closed");
    }
    switch (step) {
      case "accept" -> {
        fault.acceptedAt = Instant.now();
        fault.acceptedBy = caller.subject();
        fault.log(caller.subject(), "ACCEPTED", note);
      }
      case "repaired" -> {
        fault.repairedAt = Instant.now();
        fault.repairedBy = caller.subject();
        fault.repairNote = note;
        fault.log(caller.subject(), "REPAIRED", note);
      }
      default -> throw new Refused(404, "no such step " + step);
    }
  }

  private List<Map<String, Object>> devices(Caller caller, Map<String, String> query) {
    Stream<Unit> scope =
        query.containsKey("unit")
            ? Stream.of(visible(caller, query.get("unit")))
            : listed(caller, query);
    return scope
        .filter(u -> !query.containsKey("liveness") || u.liveness.equals(query.get("liveness")))
        .map(this::device)
        .toList();
  }

  private Map<String, Object> device(Unit u) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("device", u.device);
    d.put("unitId", u.id);
    d.put("liveness", u.liveness);
    d.put("lastSeenAt", u.lastSeenAt.toString());
    d.put("connected", u.liveness.equals("ONLINE"));
    d.put(
        "offlineSince",
        u.liveness.equals("OFFLINE") ? u.lastSeenAt.plusSeconds(240).toString() : null);
    d.put("clockDriftSeconds", 0.4);
    d.put("lastPollAt", Instant.now().minusSeconds(600).toString());
    d.put("nextPollAt", Instant.now().plusSeconds(3000).toString());
    d.put("uitdState", state(Set.of()));
    return d;
  }

  private static Map<String, Object> state(Set<String> flags) {
    Map<String, Object> s = new LinkedHashMap<>();
    boolean fault = flags.contains("FAULT");
    boolean disabled = flags.contains("DISABLED");
    s.put("state", fault ? "FAULT" : disabled ? "DISABLED" : "NORMAL");
    s.put("colour", fault ? "yellow" : disabled ? "grey" : "green");
    List<String> words = new ArrayList<>();
    if (fault) {
      words.add("故障");
    }
    if (disabled) {
      words.add("屏蔽");
    }
    s.put("text", words.isEmpty() ? "正常" : String.join("、", words));
    s.put("flags", flags.stream().sorted().toList());
    return s;
  }

  private Map<String, Object> board(Unit u) {
    Map<String, Object> b = new LinkedHashMap<>();
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("unitId", u.id);
    unit.put("operator", u.operator);
    unit.put("name", u.name);
    unit.put("address", u.address);
    unit.put("district", "330106");
    unit.put("maintenanceCompany", u.company);
    unit.put("maintenancePhone", "0571-88990011");
    b.put("unit", unit);
    List<Fault> open = faults.values().stream().filter(f -> f.unit == u && f.open()).toList();
    long abnormal = u.points.stream().filter(p -> !p.flags.isEmpty()).count();
    long disabled = u.points.stream().filter(p -> p.flags.contains("DISABLED")).count();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("points", u.points.size());
    summary.put("normalPoints", u.points.size() - abnormal);
    summary.put("abnormalPoints", abnormal);
    summary.put("openFaults", open.size());
    summary.put("disabledPoints", disabled);
    summary.put("disabledLimit", 10);
    summary.put("disabledOverLimit", false);
    summary.put("devicesOnline", u.liveness.equals("ONLINE") ? 1 : 0);
    summary.put("devicesOffline", u.liveness.equals("OFFLINE") ? 1 : 0);
    summary.put("devicesUnknown", 0);
    b.put("summary", summary);
    b.put("devices", List.of(device(u)));
    b.put(
        "systems",
        List.of(
            Map.of(
                "device",
                u.device,
                "systemType",
                1,
                "systemAddress",
                1,
                "typeLabel",
                "火灾报警系统",
                "name",
                "火灾报警系统",
                "state",
                state(Set.of()))));
    Map<String, Map<Integer, List<Map<String, Object>>>> buildings = new LinkedHashMap<>();
    for (Point p : u.points) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("device", u.device);
      view.put("point", p.ref());
      view.put("componentLabel", p.component);
      view.put("location", p.location);
      view.put("zone", null);
      view.put("state", state(p.flags));
      view.put(
          "analog",
          p.analog == null
              ? null
              : Map.of(
                  "analogType",
                  3,
                  "raw",
                  35,
                  "value",
                  p.analog,
                  "unit",
                  p.analogUnit,
                  "at",
                  Instant.now().minusSeconds(60).toString()));
      view.put("openFaults", open.stream().filter(f -> f.point == p).map(f -> f.id).toList());
      buildings
          .computeIfAbsent(p.building, k -> new java.util.TreeMap<>(Comparator.reverseOrder()))
          .computeIfAbsent(p.floor, k -> new ArrayList<>())
          .add(view);
    }
    List<Map<String, Object>> list = new ArrayList<>();
    buildings.forEach(
        (name, floors) -> {
          List<Map<String, Object>> fl = new ArrayList<>();
          floors.forEach(
              (n, points) ->
                  fl.add(
                      Map.of("floor", n, "label", n > 0 ? n + "F" : "B" + -n, "points", points)));
          list.add(Map.of("buildingId", "B-" + name.hashCode(), "name", name, "floors", fl));
        });
    b.put("buildings", list);
    b.put("unlocated", List.of());
    return b;
  }

  private List<Map<String, Object>> pollNow(Caller caller, Unit unit) {
    if (!caller.operatorStaff() && !caller.has("admin")) {
      throw new Refused(403, "polls are for operators and administrators");
    }
    Map<String, Object> poll = new LinkedHashMap<>();
    poll.put("commandId", UUID.randomUUID().toString());
    poll.put("device", unit.device);
    poll.put("unitId", unit.id);
    poll.put("kind", "READ_UITD_STATE");
    poll.put("trigger", "ON_DEMAND");
    poll.put("requestedBy", caller.subject());
    poll.put("requestedAt", Instant.now().toString());
    poll.put("outcome", null);
    unit.polls.add(0, poll);
    return List.of(poll);
  }

  private Map<String, Object> period(Unit unit) {
    return Map.of(
        "unitId",
        unit.id,
        "period",
        (unit.ownPeriod == null ? Duration.ofHours(1) : unit.ownPeriod).toString(),
        "source",
        unit.ownPeriod == null ? "OPERATOR" : "UNIT");
  }

  private Map<String, Object> setPeriod(Caller caller, Unit unit, Request request) {
    if (!caller.has("operator-supervisor") && !caller.has("admin")) {
      throw new Refused(403, "poll periods are for operator supervisors and administrators");
    }
    if (request.method().equals("DELETE")) {
      unit.ownPeriod = null;
      return period(unit);
    }
    Duration period = Duration.parse(text(request.body(), "period"));
    if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofHours(2)) > 0) {
      throw new Refused(400, "period: must be between PT1S and PT2H (GB 50440)");
    }
    unit.ownPeriod = period;
    return period(unit);
  }

  /**
   * A report whose days fall from 100 % to 97.5 % and whose repairs take 4 h on average (p90 6 h).
   */
  private Map<String, Object> integrity(
      Caller caller, String scope, String id, Map<String, String> query) {
    switch (scope) {
      case "units" -> visible(caller, id);
      case "operators" -> {
        if (caller.has("unit-manager") && !caller.operatorStaff() && !caller.regionWide()) {
          throw new Refused(403, "a unit manager sees its own unit's figures only");
        }
        if (caller.operatorStaff() && !id.equals(caller.operator())) {
          throw new Refused(404, "operator " + id);
        }
      }
      default -> throw new Refused(404, "no such scope " + scope);
    }
    LocalDate to = LocalDate.parse(query.getOrDefault("to", LocalDate.now(ZONE).toString()));
    LocalDate from = LocalDate.parse(query.getOrDefault("from", to.minusDays(29).toString()));
    List<Map<String, Object>> days = new ArrayList<>();
    int i = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1), i++) {
      double rate = i % 7 == 3 ? 0.975 : i % 5 == 1 ? 0.99 : 1.0;
      days.add(
          Map.of(
              "date",
              d.toString(),
              "points",
              40,
              "integrity",
              rate,
              "abnormalPointHours",
              (1 - rate) * 960));
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("scope", scope.substring(0, scope.length() - 1).toUpperCase(java.util.Locale.ROOT));
    report.put("id", id);
    report.put("zone", ZONE.toString());
    report.put("from", from.toString());
    report.put("to", to.toString());
    report.put("integrity", 0.9925);
    report.put("days", days);
    report.put("repair", Map.of("closed", 6, "meanSeconds", 4 * 3600, "p90Seconds", 6 * 3600));
    report.put("openFaults", (int) faults.values().stream().filter(Fault::open).count());
    return report;
  }
}
