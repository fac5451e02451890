package io.fenghuo.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * An in-memory dispatch-119 service speaking its HTTP API (its README canvas) closely enough for
 * the console's tests: it verifies the relayed bearer token with the development public key; a 119
 * dispatcher and the admin see every operator's incidents, operator staff only their operator's
 * (another's is 404), everyone else 403; only dispatchers and the admin acknowledge, report
 * progress and answer tests. Acknowledgement and progress move the incident's status forward at
 * once (the real service does it when the receipt comes back over Kafka) and write the timeline.
 */
final class StubDispatchService extends StubService {

  private static final List<String> ORDER =
      List.of(
          "AWAITING_RECEIPT",
          "ACKNOWLEDGED",
          "ACCEPTED",
          "UNITS_DISPATCHED",
          "ARRIVED",
          "UNDER_CONTROL",
          "CLOSED");

  private final Map<String, Incident> incidents = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> tests = new LinkedHashMap<>();

  // --- fixtures --------------------------------------------------------------------------------

  /** An incident as the real service holds it after a confirmation; change fields before adding. */
  static final class Incident {
    String id = UUID.randomUUID().toString();
    String alarmId = UUID.randomUUID().toString();
    String operator;
    String unit;
    String unitName;
    String unitAddress = "浙江省杭州市西湖区文三路1号";
    boolean confirmed = true;
    String unconfirmedReason;
    String status = "AWAITING_RECEIPT";
    int attempt = 1;
    boolean humanInitiated;
    Instant firstAlertAt = Instant.now().minusSeconds(90);
    Instant confirmedAt = Instant.now().minusSeconds(20);
    Instant acknowledgedAt;
    String building = "住院楼";
    Integer floor = 3;
    String fireLocation = "住院楼 3F 东侧走廊";
    String burningMaterial = "纸箱";
    String fireSize = "小";
    String caller = "张伟";
    String callerPhone = "13900000003";
    final List<Map<String, Object>> timeline = new ArrayList<>();

    Incident(String operator, String unit, String unitName) {
      this.operator = operator;
      this.unit = unit;
      this.unitName = unitName;
      timeline.add(entry(confirmedAt, "ALARM_CONFIRMED", null, null, operator + "-operator"));
      timeline.add(entry(confirmedAt.plusMillis(40), "FORWARDED", "KAFKA", null, null));
    }

    Incident unconfirmed(String reason) {
      confirmed = false;
      unconfirmedReason = reason;
      confirmedAt = null;
      caller = null;
      callerPhone = null;
      return this;
    }

    Incident status(String value) {
      status = value;
      if (!value.equals("AWAITING_RECEIPT") && acknowledgedAt == null) {
        acknowledgedAt = Instant.now();
      }
      return this;
    }

    Incident at(Instant first) {
      firstAlertAt = first;
      return this;
    }

    static Map<String, Object> entry(
        Instant at, String kind, String path, String status, String actor) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("at", at.toString());
      e.put("kind", kind);
      e.put("path", path);
      e.put("revision", 1);
      e.put("attempt", 1);
      e.put("status", status);
      e.put("actor", actor);
      e.put("detail", null);
      return e;
    }

    Map<String, Object> json() {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("unitName", unitName);
      report.put("unitCategory", "CROWDED_PLACE");
      report.put("unitAddress", unitAddress);
      report.put("district", "330106");
      report.put("coordinates", Map.of("latitude", 30.2741, "longitude", 120.1551));
      report.put("building", building);
      report.put("floor", floor);
      report.put("fireLocation", fireLocation);
      report.put("burningMaterial", burningMaterial);
      report.put("fireSize", fireSize);
      report.put("caller", caller);
      report.put("callerPhone", callerPhone);
      report.put(
          "contacts",
          List.of(
              Map.of("order", 1, "name", "消防控制室", "role", "消防控制室", "phone", "0571-88000119"),
              Map.of("order", 2, "name", "王建国", "role", "消防安全责任人", "phone", "13900000001")));
      report.put("device", "0140609623b2");
      report.put("points", List.of());
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("id", id);
      i.put("alarmId", alarmId);
      i.put("operator", operator);
      i.put("unit", unit);
      i.put("confirmed", confirmed);
      i.put("revision", 1);
      i.put("attempt", attempt);
      i.put("status", status);
      i.put("humanInitiated", humanInitiated);
      i.put("firstAlertAt", firstAlertAt.toString());
      i.put("confirmedAt", confirmedAt == null ? null : confirmedAt.toString());
      i.put("confirmedBy", confirmed ? operator + "-operator" : null);
      i.put("method", confirmed ? "PHONE_CONFIRMED" : null);
      i.put("unconfirmedReason", unconfirmedReason);
      i.put("notes", confirmed ? "消控室确认有明火" : null);
      i.put("report", report);
      i.put("createdAt", firstAlertAt.toString());
      i.put("firstSentAt", firstAlertAt.plusSeconds(1).toString());
      i.put("acknowledgedAt", acknowledgedAt == null ? null : acknowledgedAt.toString());
      i.put("confirmToPublishMillis", 38);
      i.put("publishToReceiptMillis", acknowledgedAt == null ? null : 2100);
      return i;
    }
  }

  static Incident anIncident(String operator, String unit, String unitName) {
    return new Incident(operator, unit, unitName);
  }

  synchronized Incident add(Incident incident) {
    incidents.put(incident.id, incident);
    return incident;
  }

  synchronized Incident get(String id) {
    return incidents.get(id);
  }

  synchronized void clear() {
    incidents.clear();
    tests.clear();
  }

  /** A pending communication test. */
  synchronized String aPendingTest() {
    Map<String, Object> t = new LinkedHashMap<>();
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now();
    t.put("id", id);
    t.put("trigger", "SCHEDULE");
    t.put("startedAt", now.toString());
    t.put("deadline", now.plus(Duration.ofMinutes(10)).toString());
    t.put("status", "PENDING");
    t.put("kafkaSentAt", now.toString());
    tests.put(id, t);
    return id;
  }

  synchronized String testStatus(String id) {
    return (String) tests.get(id).get("status");
  }

  // --- the API ---------------------------------------------------------------------------------

  /** The 119 centre: dispatchers and the admin. */
  private static boolean centre(Caller caller) {
    return caller.has("dispatcher-119") || caller.has("admin");
  }

  @Override
  Reply answer(Request request) {
    Caller caller = request.caller();
    String path = request.path();
    String method = request.method();
    Map<String, String> query = request.query();
    JsonNode body = request.body();
    Object answer;
    int status = 200;
    if (path.equals("/api/incidents") && method.equals("GET")) {
      answer = list(caller, query);
    } else if (path.startsWith("/api/incidents/")) {
      String[] parts = path.substring("/api/incidents/".length()).split("/");
      Incident incident = visible(caller, parts[0]);
      if (parts.length == 1 && method.equals("GET")) {
        answer = Map.of("incident", incident.json(), "timeline", incident.timeline);
      } else if (parts.length == 2 && method.equals("POST")) {
        requireCentre(caller);
        status = 202;
        answer = receipt(caller, incident, parts[1], body);
      } else {
        throw new Refused(404, "no such endpoint");
      }
    } else if (path.equals("/api/communication-tests")) {
      if (!centre(caller) && !caller.has("supervision")) {
        throw new Refused(403, "communication tests are the centre's");
      }
      if (method.equals("POST")) {
        requireCentre(caller);
        aPendingTest();
        status = 202;
        answer = Map.of();
      } else {
        List<Map<String, Object>> items = new ArrayList<>(tests.values());
        java.util.Collections.reverse(items);
        answer = Map.of("items", items, "page", 0, "size", 30, "total", items.size());
      }
    } else if (path.startsWith("/api/communication-tests/") && path.endsWith("/acknowledge")) {
      requireCentre(caller);
      String id = path.split("/")[3];
      Map<String, Object> test = tests.get(id);
      if (test == null) {
        throw new Refused(404, "no test " + id);
      }
      test.put("status", "PASSED");
      test.put("answeredAt", Instant.now().toString());
      test.put("answeredBy", caller.subject());
      status = 202;
      answer = Map.of("incidentId", id, "status", "ACKNOWLEDGED");
    } else {
      throw new Refused(404, "no such endpoint");
    }
    return new Reply(status, answer);
  }

  private static void requireCentre(Caller caller) {
    if (!centre(caller)) {
      throw new Refused(403, "only the 119 centre acknowledges and reports progress");
    }
  }

  private Stream<Incident> scoped(Caller caller) {
    if (centre(caller) || caller.roles().contains("supervision")) {
      return incidents.values().stream();
    }
    if (caller.operatorStaff()) {
      return incidents.values().stream().filter(i -> i.operator.equals(caller.operator()));
    }
    throw new Refused(403, "no access to incidents");
  }

  private Incident visible(Caller caller, String id) {
    return scoped(caller)
        .filter(i -> i.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new Refused(404, "no incident " + id));
  }

  private Map<String, Object> list(Caller caller, Map<String, String> query) {
    boolean live = !"history".equals(query.getOrDefault("view", "live"));
    Instant from = query.containsKey("from") ? Instant.parse(query.get("from")) : null;
    Instant to = query.containsKey("to") ? Instant.parse(query.get("to")) : null;
    String q = query.get("q");
    Comparator<Incident> order =
        live
            ? Comparator.comparing((Incident i) -> i.status.equals("AWAITING_RECEIPT") ? 0 : 1)
                .thenComparing(i -> i.firstAlertAt, Comparator.reverseOrder())
            : Comparator.comparing((Incident i) -> i.firstAlertAt, Comparator.reverseOrder());
    List<Map<String, Object>> items =
        scoped(caller)
            .filter(i -> !live || !(i.status.equals("CLOSED") || i.status.equals("WITHDRAWN")))
            .filter(i -> !query.containsKey("operator") || i.operator.equals(query.get("operator")))
            .filter(i -> !query.containsKey("status") || i.status.equals(query.get("status")))
            .filter(
                i ->
                    !query.containsKey("confirmed")
                        || String.valueOf(i.confirmed).equals(query.get("confirmed")))
            .filter(
                i ->
                    q == null
                        || i.unitName.contains(q)
                        || i.unitAddress.contains(q)
                        || i.unit.contains(q))
            .filter(i -> from == null || !i.firstAlertAt.isBefore(from))
            .filter(i -> to == null || i.firstAlertAt.isBefore(to))
            .sorted(order)
            .map(Incident::json)
            .toList();
    return Map.of("items", items, "page", 0, "size", 50, "total", items.size());
  }

  private Map<String, Object> receipt(
      Caller caller, Incident incident, String action, JsonNode body) {
    String status;
    if (action.equals("acknowledge")) {
      status = "ACKNOWLEDGED";
    } else if (action.equals("progress")) {
      JsonNode stage = body == null ? null : body.get("stage");
      status = stage == null || stage.isNull() ? null : stage.asString();
      if (status == null || !ORDER.contains(status) || status.equals("AWAITING_RECEIPT")) {
        throw new Refused(400, "stage: must be one of ACCEPTED … CLOSED");
      }
    } else {
      throw new Refused(404, "no such action " + action);
    }
    if (ORDER.indexOf(status) > ORDER.indexOf(incident.status)) {
      incident.status(status);
    }
    Map<String, Object> entry =
        Incident.entry(Instant.now(), "RECEIPT", null, status, caller.subject());
    JsonNode note = body == null ? null : body.get("note");
    entry.put("detail", note == null || note.isNull() ? null : note.asString());
    incident.timeline.add(entry);
    return Map.of(
        "incidentId", incident.id, "status", status, "issuedAt", Instant.now().toString());
  }
}
