package io.fenghuo.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * An in-memory alarm-service speaking the agreed HTTP API ({@code alarm-api.md}) closely enough for
 * the console's tests: it verifies the relayed bearer token with the development public key, scopes
 * every answer by the token's {@code operator_id} (another operator's alarm is 404) or {@code
 * unit_id}, applies the role rules (supervision and unit managers read only, 119 nothing), keeps
 * claims (409 naming the holder), validates results (a false alarm needs its cause, a test takes
 * none; closed is 409) and writes the timeline. The real alarm-service replaces it in the
 * cross-process tests.
 */
final class StubAlarmService extends StubService {

  private static final Set<String> CAUSES =
      Set.of("DUST", "STEAM", "MAINTENANCE", "DEVICE_FAULT", "OTHER");
  private static final Set<String> OUTCOMES = Set.of("ANSWERED", "NO_ANSWER", "BUSY");

  /** When set, every API call answers 503 (a service that is up but failing). */
  volatile boolean failing;

  private final Map<String, Alarm> alarms = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> policies = new HashMap<>();
  private final Map<String, Map<String, List<String>>> plans = new HashMap<>();

  // --- fixtures --------------------------------------------------------------------------------

  /** An alarm as the real service would hold it after enrichment; change fields before adding. */
  static final class Alarm {
    String id = UUID.randomUUID().toString();
    String operator;
    String unitId;
    String unitName;
    String unitAddress = "杭州市西湖区文三路 100 号";
    String unitCategory = "KEY_UNIT";
    String category = "FIRE";
    boolean humanInitiated;
    boolean maintenanceWindow;
    String state = "OPEN";
    Instant firstAlertAt = Instant.now();
    Instant lastPointAt = firstAlertAt;
    String device = "0140609623b2";
    String claimedBy;
    Instant claimedAt;
    int escalationLevel;
    boolean flood;
    boolean forwardedUnconfirmed;
    boolean unitUnknown;
    String location = "住院楼 3F 东侧走廊";
    String component = "点型感烟火灾探测器";
    double latitude = 30.2741;
    double longitude = 120.1551;
    final List<Map<String, Object>> contacts = new ArrayList<>();
    final List<Map<String, Object>> calls = new ArrayList<>();
    final List<Map<String, Object>> timeline = new ArrayList<>();
    Map<String, Object> result;
    Map<String, Object> confirmation;

    /** The alarm-service's {@code dispatch} block (what 119 did), or null. */
    Map<String, Object> dispatch;

    Alarm(String operator, String unitId, String unitName) {
      this.operator = operator;
      this.unitId = unitId;
      this.unitName = unitName;
      contacts.add(contact(1, "王建国", "消防控制室", "0571-88000001"));
      contacts.add(contact(2, "李敏", "消防安全管理人", "13800000002"));
      timeline.add(entry("system", "RAISED", location));
    }

    Alarm category(String value) {
      category = value;
      return this;
    }

    Alarm at(Instant value) {
      firstAlertAt = value;
      lastPointAt = value;
      timeline.get(0).put("at", value.toString());
      return this;
    }

    Alarm claimedBy(String user) {
      state = "CLAIMED";
      claimedBy = user;
      claimedAt = Instant.now();
      timeline.add(entry(user, "CLAIMED", null));
      return this;
    }

    /** What the dispatch-119 service reported: FORWARDED, UNACKNOWLEDGED, ACKNOWLEDGED … */
    Alarm dispatch(String status) {
      Map<String, Object> d = new LinkedHashMap<>();
      Instant now = Instant.now();
      d.put("incidentId", UUID.randomUUID().toString());
      d.put("status", status);
      d.put("mustCall119", status.equals("UNACKNOWLEDGED"));
      d.put("confirmed", true);
      d.put("forwardedAt", now.minusSeconds(25).toString());
      d.put("lastForwardedAt", now.minusSeconds(15).toString());
      d.put("attempts", status.equals("FORWARDED") ? 1 : 2);
      boolean acknowledged = !status.equals("FORWARDED") && !status.equals("UNACKNOWLEDGED");
      d.put("acknowledgedAt", acknowledged ? now.minusSeconds(5).toString() : null);
      d.put("acknowledgedBy", acknowledged ? "dispatcher" : null);
      d.put("progressStage", acknowledged && !status.equals("ACKNOWLEDGED") ? status : null);
      d.put("progressAt", acknowledged && !status.equals("ACKNOWLEDGED") ? now.toString() : null);
      d.put(
          "unacknowledgedAt",
          status.equals("UNACKNOWLEDGED") ? now.minusSeconds(5).toString() : null);
      d.put("centrePhone", status.equals("UNACKNOWLEDGED") ? "119" : null);
      d.put("message", null);
      d.put("updatedAt", now.toString());
      dispatch = d;
      return this;
    }

    Alarm escalated(int level) {
      escalationLevel = level;
      return this;
    }

    Alarm flood() {
      flood = true;
      return this;
    }

    /** Opened before its device's unit was known: no unit, flagged. */
    Alarm unitUnknown() {
      unitUnknown = true;
      unitId = null;
      unitName = null;
      unitAddress = null;
      return this;
    }

    Alarm maintenance() {
      maintenanceWindow = true;
      return this;
    }

    Alarm closed(String verdict, String cause) {
      state = "TRUE_FIRE".equals(verdict) ? "CONFIRMED" : "DISMISSED";
      result = new LinkedHashMap<>();
      result.put("verdict", verdict);
      result.put("cause", cause);
      result.put("by", operator + "-operator");
      result.put("at", Instant.now().toString());
      result.put("notes", null);
      return this;
    }

    private static Map<String, Object> contact(int order, String name, String role, String phone) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("order", order);
      c.put("name", name);
      c.put("role", role);
      c.put("phone", phone);
      return c;
    }

    Map<String, Object> entry(String actor, String kind, String detail) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("at", Instant.now().toString());
      e.put("actor", actor);
      e.put("kind", kind);
      e.put("detail", detail);
      return e;
    }

    boolean open() {
      return state.equals("OPEN") || state.equals("CLAIMED");
    }

    Map<String, Object> card() {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("id", id);
      c.put("operator", operator);
      c.put("unitId", unitId);
      c.put("unitName", unitName);
      c.put("unitAddress", unitAddress);
      c.put("category", category);
      c.put("humanInitiated", humanInitiated);
      c.put("maintenanceWindow", maintenanceWindow);
      c.put("state", state);
      c.put("firstAlertAt", firstAlertAt.toString());
      c.put("lastPointAt", lastPointAt.toString());
      c.put("pointCount", 1);
      c.put("firstPointLocation", location);
      c.put("firstPointComponent", component);
      c.put("device", device);
      c.put("claimedBy", claimedBy);
      c.put("claimedAt", claimedAt == null ? null : claimedAt.toString());
      c.put("escalationLevel", escalationLevel);
      c.put("flood", flood);
      c.put("forwardedUnconfirmed", forwardedUnconfirmed);
      c.put("unitUnknown", unitUnknown);
      return c;
    }

    Map<String, Object> detail(List<String> steps) {
      Map<String, Object> d = card();
      Map<String, Object> unit = new LinkedHashMap<>();
      unit.put("id", unitId);
      unit.put("name", unitName);
      unit.put("category", unitCategory);
      unit.put("address", unitAddress);
      unit.put("district", "330106");
      unit.put("coordinates", Map.of("latitude", latitude, "longitude", longitude));
      d.put("unit", unit);
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("device", device);
      point.put("system", 1);
      point.put("systemName", "火灾报警系统");
      point.put("address", "1-40-1203");
      point.put("location", location);
      point.put("building", "住院楼");
      point.put("floor", "3F");
      point.put("component", component);
      point.put("firstAt", firstAlertAt.toString());
      point.put("lastAt", lastPointAt.toString());
      point.put("source", "COMPONENT");
      point.put("count", 1);
      d.put("points", List.of(point));
      d.put("contacts", contacts);
      d.put(
          "falseAlarmRate",
          Map.of(
              "point", Map.of("alarms", 12, "falseAlarms", 9),
              "unit", Map.of("alarms", 40, "falseAlarms", 31)));
      d.put("actionPlan", Map.of("category", unitCategory, "steps", steps));
      d.put("calls", calls);
      d.put("result", result);
      d.put("timeline", timeline);
      d.put("dispatch", dispatch);
      return d;
    }
  }

  static Alarm aFireAlarm(String operator, String unitId, String unitName) {
    return new Alarm(operator, unitId, unitName);
  }

  synchronized Alarm add(Alarm alarm) {
    alarms.put(alarm.id, alarm);
    return alarm;
  }

  /** Forgets every alarm (a browser test that wants a clean queue for its screenshots). */
  synchronized void clear() {
    alarms.clear();
  }

  synchronized Alarm get(String id) {
    return alarms.get(id);
  }

  /** What {@code alarm.confirmed} would carry, as the console sent it. */
  synchronized Map<String, Object> confirmation(String id) {
    return alarms.get(id).confirmation;
  }

  // --- the API ---------------------------------------------------------------------------------

  private static boolean mayAct(Caller caller) {
    return caller.operatorStaff() || caller.has("admin");
  }

  private static boolean maySupervise(Caller caller) {
    return caller.has("operator-supervisor") || caller.has("admin");
  }

  @Override
  Reply answer(Request request) {
    Caller caller = request.caller();
    String path = request.path();
    String method = request.method();
    Map<String, String> query = request.query();
    JsonNode body = request.body();
    if (failing) {
      throw new Refused(503, "alarm-service is failing (test)");
    }
    if (caller.has("dispatcher-119") && caller.roles().size() == 1) {
      throw new Refused(403, "dispatchers read confirmed fires from dispatch-119-service");
    }
    Object answer;
    int status = 200;
    if (path.equals("/api/alarms/queue") && method.equals("GET")) {
      answer = queue(caller, query);
    } else if (path.equals("/api/alarms/statistics/false-alarms") && method.equals("GET")) {
      answer = statistics(caller, query);
    } else if (path.equals("/api/alarms") && method.equals("GET")) {
      answer = history(caller, query);
    } else if (path.equals("/api/alarm-policy")) {
      answer = policy(caller, method, body);
    } else if (path.equals("/api/action-plans") && method.equals("GET")) {
      answer = plansOf(caller, operatorFor(caller, query));
    } else if (path.startsWith("/api/action-plans/") && method.equals("PUT")) {
      answer = putPlan(caller, path.substring("/api/action-plans/".length()), body);
    } else if (path.startsWith("/api/alarms/")) {
      String[] parts = path.substring("/api/alarms/".length()).split("/");
      Alarm alarm = visible(caller, parts[0]);
      if (parts.length == 1 && method.equals("GET")) {
        answer = alarm.detail(steps(alarm));
      } else if (parts.length == 2 && method.equals("POST")) {
        if (!mayAct(caller)) {
          throw new Refused(403, "role may not act on alarms");
        }
        status = parts[1].equals("calls") || parts[1].equals("notes") ? 201 : 200;
        answer = act(caller, alarm, parts[1], query, body);
      } else {
        throw new Refused(404, "no such endpoint");
      }
    } else {
      throw new Refused(404, "no such endpoint");
    }
    return new Reply(status, answer);
  }

  /** The operator a list call reads: the token's; admin must name one, supervision may. */
  private String operatorFor(Caller caller, Map<String, String> query) {
    if (caller.operatorStaff()) {
      return caller.operator();
    }
    String named = query.get("operator");
    if (caller.has("admin") && named == null) {
      throw new Refused(400, "operator: admin must pass ?operator=");
    }
    return named;
  }

  private Stream<Alarm> scoped(Caller caller, Map<String, String> query) {
    if (caller.has("unit-manager") && !caller.operatorStaff() && !caller.has("admin")) {
      return alarms.values().stream().filter(a -> caller.unit().equals(a.unitId));
    }
    String operator = operatorFor(caller, query);
    return alarms.values().stream().filter(a -> operator == null || operator.equals(a.operator));
  }

  private Alarm visible(Caller caller, String id) {
    Alarm alarm = alarms.get(id);
    boolean sees =
        alarm != null
            && (caller.has("admin")
                || caller.has("supervision")
                || (caller.operatorStaff() && alarm.operator.equals(caller.operator()))
                || (caller.has("unit-manager") && alarm.unitId.equals(caller.unit())));
    if (!sees) {
      throw new Refused(404, "no alarm " + id);
    }
    return alarm;
  }

  private Map<String, Object> queue(Caller caller, Map<String, String> query) {
    List<Map<String, Object>> items =
        scoped(caller, query)
            .filter(Alarm::open)
            .sorted(
                Comparator.comparing((Alarm a) -> a.category.equals("FIRE") ? 0 : 1)
                    .thenComparing(a -> a.category.equals("SUPERVISORY") ? 0 : 1)
                    .thenComparing(a -> a.claimedBy == null ? 0 : 1)
                    .thenComparing(a -> a.firstAlertAt, Comparator.reverseOrder()))
            .map(Alarm::card)
            .toList();
    long flooded = scoped(caller, query).filter(a -> a.open() && a.flood).count();
    Map<String, Object> flood = new LinkedHashMap<>();
    flood.put("active", flooded > 0);
    flood.put("alarmsInWindow", (int) flooded);
    flood.put(
        "units",
        (int) scoped(caller, query).filter(a -> a.flood).map(a -> a.unitId).distinct().count());
    flood.put("windowMinutes", 2);
    return Map.of("items", items, "flood", flood);
  }

  private Map<String, Object> history(Caller caller, Map<String, String> query) {
    Instant from = query.containsKey("from") ? Instant.parse(query.get("from")) : null;
    Instant to = query.containsKey("to") ? Instant.parse(query.get("to")) : null;
    List<Alarm> matching =
        scoped(caller, query)
            .filter(a -> !query.containsKey("unit") || a.unitId.equals(query.get("unit")))
            .filter(a -> !query.containsKey("state") || a.state.equals(query.get("state")))
            .filter(a -> !query.containsKey("category") || a.category.equals(query.get("category")))
            .filter(
                a ->
                    !query.containsKey("verdict")
                        || (a.result != null
                            && query.get("verdict").equals(a.result.get("verdict"))))
            .filter(a -> from == null || !a.firstAlertAt.isBefore(from))
            .filter(a -> to == null || a.firstAlertAt.isBefore(to))
            .sorted(Comparator.comparing((Alarm a) -> a.firstAlertAt).reversed())
            .toList();
    int page = Integer.parseInt(query.getOrDefault("page", "0"));
    int size = Integer.parseInt(query.getOrDefault("size", "20"));
    List<Map<String, Object>> items =
        matching.stream().skip((long) page * size).limit(size).map(Alarm::card).toList();
    return Map.of("items", items, "page", page, "size", size, "total", matching.size());
  }

  private Map<String, Object> statistics(Caller caller, Map<String, String> query) {
    Map<String, List<Alarm>> byUnit = new LinkedHashMap<>();
    scoped(caller, query)
        .forEach(a -> byUnit.computeIfAbsent(a.unitId, k -> new ArrayList<>()).add(a));
    List<Map<String, Object>> units = new ArrayList<>();
    List<Map<String, Object>> points = new ArrayList<>();
    byUnit.forEach(
        (unit, list) -> {
          long falseAlarms = list.stream().filter(a -> verdict(a, "FALSE_ALARM")).count();
          Map<String, Object> u = new LinkedHashMap<>();
          u.put("unitId", unit);
          u.put("unitName", list.get(0).unitName);
          u.put("alarms", list.size());
          u.put("falseAlarms", falseAlarms);
          u.put("tests", list.stream().filter(a -> verdict(a, "TEST")).count());
          u.put("trueFires", list.stream().filter(a -> verdict(a, "TRUE_FIRE")).count());
          u.put("rate", (double) falseAlarms / list.size());
          units.add(u);
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("unitId", unit);
          p.put("device", list.get(0).device);
          p.put("system", 1);
          p.put("address", "1-40-1203");
          p.put("location", list.get(0).location);
          p.put("alarms", list.size());
          p.put("falseAlarms", falseAlarms);
          p.put("rate", (double) falseAlarms / list.size());
          points.add(p);
        });
    Comparator<Map<String, Object>> byFalse =
        Comparator.comparing(m -> ((Number) m.get("falseAlarms")).longValue());
    units.sort(byFalse.reversed());
    points.sort(byFalse.reversed());
    return Map.of("units", units, "points", points);
  }

  private static boolean verdict(Alarm a, String verdict) {
    return a.result != null && verdict.equals(a.result.get("verdict"));
  }

  private Object act(
      Caller caller, Alarm alarm, String action, Map<String, String> query, JsonNode body) {
    if (!alarm.open()) {
      throw new Refused(409, "alarm " + alarm.id + " is already closed (" + alarm.state + ")");
    }
    switch (action) {
      case "claim" -> {
        boolean takeOver = "true".equals(query.get("takeOver"));
        if (alarm.claimedBy != null && !alarm.claimedBy.equals(caller.subject())) {
          if (!(takeOver && maySupervise(caller))) {
            throw new Refused(409, "already claimed by " + alarm.claimedBy);
          }
        }
        alarm.claimedBy(caller.subject());
        return alarm.card();
      }
      case "release" -> {
        if (alarm.claimedBy == null) {
          throw new Refused(409, "not claimed");
        }
        if (!alarm.claimedBy.equals(caller.subject()) && !maySupervise(caller)) {
          throw new Refused(403, "only the holder or a supervisor may release");
        }
        alarm.state = "OPEN";
        alarm.claimedBy = null;
        alarm.claimedAt = null;
        alarm.timeline.add(alarm.entry(caller.subject(), "RELEASED", null));
        return alarm.card();
      }
      default -> {
        // calls, notes, confirm, dismiss
      }
    }
    if (!caller.subject().equals(alarm.claimedBy)) {
      throw new Refused(409, "claim the alarm first");
    }
    switch (action) {
      case "calls" -> {
        String outcome = text(body, "outcome");
        if (outcome == null || !OUTCOMES.contains(outcome)) {
          throw new Refused(400, "outcome must be one of " + OUTCOMES);
        }
        if (text(body, "contactName") == null) {
          throw new Refused(400, "contactName is required");
        }
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("at", Instant.now().toString());
        call.put("by", caller.subject());
        call.put("contactName", text(body, "contactName"));
        call.put("phone", text(body, "phone"));
        call.put("outcome", outcome);
        call.put("note", text(body, "note"));
        alarm.calls.add(call);
        alarm.timeline.add(
            alarm.entry(caller.subject(), "CALL", call.get("contactName") + " " + outcome));
        return call;
      }
      case "notes" -> {
        String note = text(body, "text");
        if (note == null) {
          throw new Refused(400, "text is required");
        }
        alarm.timeline.add(alarm.entry(caller.subject(), "NOTE", note));
        return Map.of("text", note);
      }
      case "confirm" -> {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String f :
            List.of(
                "fireLocation", "burningMaterial", "fireSize", "caller", "callerPhone", "notes")) {
          fields.put(f, text(body, f));
        }
        alarm.confirmation = fields;
        alarm.closed("TRUE_FIRE", null);
        alarm.result.put("by", caller.subject());
        alarm.result.put("notes", fields.get("notes"));
        alarm.timeline.add(
            alarm.entry(caller.subject(), "CONFIRMED", (String) fields.get("fireLocation")));
        return alarm.detail(steps(alarm));
      }
      case "dismiss" -> {
        String verdict = text(body, "verdict");
        String cause = text(body, "cause");
        if (!"FALSE_ALARM".equals(verdict) && !"TEST".equals(verdict)) {
          throw new Refused(400, "verdict must be FALSE_ALARM or TEST");
        }
        if ("FALSE_ALARM".equals(verdict) && (cause == null || !CAUSES.contains(cause))) {
          throw new Refused(400, "cause is required for FALSE_ALARM, one of " + CAUSES);
        }
        if ("TEST".equals(verdict) && cause != null) {
          throw new Refused(400, "cause is not allowed for TEST");
        }
        alarm.closed(verdict, cause);
        alarm.result.put("by", caller.subject());
        alarm.result.put("notes", text(body, "notes"));
        alarm.timeline.add(alarm.entry(caller.subject(), "DISMISSED", verdict));
        return alarm.detail(steps(alarm));
      }
      default -> throw new Refused(404, "no such action " + action);
    }
  }

  private Map<String, Object> policy(Caller caller, String method, JsonNode body) {
    if (!caller.operatorStaff() && !caller.has("admin")) {
      throw new Refused(403, "policy is the operator's");
    }
    String operator = caller.operator() == null ? "admin" : caller.operator();
    Map<String, Object> policy = policies.computeIfAbsent(operator, k -> defaultPolicy());
    if (method.equals("PUT")) {
      if (!maySupervise(caller)) {
        throw new Refused(403, "only a supervisor may change the policy");
      }
      Map<String, Object> next = new LinkedHashMap<>();
      for (String f :
          List.of(
              "unclaimedAfter",
              "unconfirmedAfter",
              "claimIdleTimeout",
              "groupingWindow",
              "floodWindow")) {
        String value = text(body, f);
        try {
          Duration d = Duration.parse(value);
          if (d.isNegative() || d.isZero()) {
            throw new Refused(400, f + " must be positive");
          }
        } catch (RuntimeException e) {
          if (e instanceof Refused r) {
            throw r;
          }
          throw new Refused(400, f + " must be an ISO-8601 duration");
        }
        next.put(f, value);
      }
      next.put("forwardUnconfirmedTo119", body.path("forwardUnconfirmedTo119").asBoolean());
      int floodPoints = body.path("floodPoints").asInt();
      if (floodPoints < 2) {
        throw new Refused(400, "floodPoints must be at least 2");
      }
      next.put("floodPoints", floodPoints);
      policies.put(operator, next);
      return next;
    }
    return policy;
  }

  private static Map<String, Object> defaultPolicy() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("unclaimedAfter", "PT30S");
    p.put("unconfirmedAfter", "PT3M");
    p.put("claimIdleTimeout", "PT2M");
    p.put("forwardUnconfirmedTo119", false);
    p.put("groupingWindow", "PT10M");
    p.put("floodPoints", 20);
    p.put("floodWindow", "PT2M");
    return p;
  }

  private Map<String, List<String>> plans(String operator) {
    return plans.computeIfAbsent(
        operator,
        k -> {
          Map<String, List<String>> m = new LinkedHashMap<>();
          m.put("KEY_UNIT", List.of("拨打消防控制室电话确认", "无人接听时拨打消防安全管理人", "确认后立即转 119"));
          m.put("CROWDED_PLACE", List.of("拨打消防控制室电话确认", "提醒单位启动疏散预案"));
          return m;
        });
  }

  private List<Map<String, Object>> plansOf(Caller caller, String operator) {
    if (!caller.operatorStaff() && !caller.has("admin")) {
      throw new Refused(403, "action plans are the operator's");
    }
    List<Map<String, Object>> list = new ArrayList<>();
    plans(operator == null ? "admin" : operator)
        .forEach((k, v) -> list.add(Map.of("category", k, "steps", v)));
    return list;
  }

  private Map<String, Object> putPlan(Caller caller, String category, JsonNode body) {
    if (!maySupervise(caller)) {
      throw new Refused(403, "only a supervisor may change action plans");
    }
    List<String> steps = new ArrayList<>();
    body.path("steps").forEach(s -> steps.add(s.asString()));
    if (steps.isEmpty()) {
      throw new Refused(400, "steps must not be empty");
    }
    plans(caller.operator() == null ? "admin" : caller.operator()).put(category, steps);
    return Map.of("category", category, "steps", steps);
  }

  private List<String> steps(Alarm alarm) {
    return plans(alarm.operator).getOrDefault(alarm.unitCategory, List.of());
  }
}
