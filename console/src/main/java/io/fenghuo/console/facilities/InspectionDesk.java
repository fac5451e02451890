package io.fenghuo.console.facilities;

import io.fenghuo.console.ConsoleProperties;
import io.fenghuo.console.backend.Answer;
import io.fenghuo.console.backend.Answer.Problem;
import io.fenghuo.console.backend.ServiceCalls;
import io.fenghuo.console.facilities.InspectionApi.Board;
import io.fenghuo.console.facilities.InspectionApi.Device;
import io.fenghuo.console.facilities.InspectionApi.FaultDetail;
import io.fenghuo.console.facilities.InspectionApi.FaultPage;
import io.fenghuo.console.facilities.InspectionApi.Integrity;
import io.fenghuo.console.facilities.InspectionApi.Poll;
import io.fenghuo.console.facilities.InspectionApi.PollPeriod;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The inspection-service called with the signed-in user's own token (token relay): the service
 * scopes every answer to the user's operator or unit (another's unit or fault is 404) and checks
 * the role of every action. Every call returns an {@link Answer}; ids and filters the service would
 * refuse never leave the console.
 */
@Component
public class InspectionDesk {

  /** The name of the service in {@code fenghuo.console.services}. */
  public static final String SERVICE = "inspection-service";

  /** Fault ids are UUIDs. */
  static final Pattern FAULT_ID = Pattern.compile("[0-9a-fA-F-]{36}");

  /** Unit ids ({@code UnitId}: letters, digits, dashes). */
  static final Pattern UNIT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final ServiceCalls calls;

  public InspectionDesk(RestClient backendClient, ConsoleProperties properties) {
    this.calls = new ServiceCalls(backendClient, properties, SERVICE);
  }

  public Answer<Board> board(String unit) {
    if (!UNIT_ID.matcher(unit).matches()) {
      return notFound();
    }
    return calls
        .get(calls.uri("/api/units/" + unit + "/board", q -> {}))
        .map(node -> read(node, Board.class));
  }

  /**
   * {@code GET /api/faults}.
   *
   * @param filters state (open, closed, all), unit, kind, from, to (ISO instants), page, size;
   *     blank ones are left out
   * @param operator {@code ?operator=} for admin and supervision, else null
   */
  public Answer<FaultPage> faults(Map<String, String> filters, String operator) {
    return calls
        .get(
            calls.uri(
                "/api/faults",
                q -> {
                  for (String f : List.of("state", "unit", "kind", "from", "to", "page", "size")) {
                    opt(filters.get(f)).ifPresent(v -> q.queryParam(f, v));
                  }
                  opt(operator).ifPresent(v -> q.queryParam("operator", v));
                }))
        .map(node -> read(node, FaultPage.class));
  }

  public Answer<FaultDetail> fault(String id) {
    if (!FAULT_ID.matcher(id).matches()) {
      return notFound();
    }
    return calls
        .get(calls.uri("/api/faults/" + id, q -> {}))
        .map(node -> read(node, FaultDetail.class));
  }

  /** 已受理: the maintenance company accepted the work order. */
  public Answer<FaultDetail> accept(String id, String note) {
    return workOrder(id, "/accept", note);
  }

  /** 已维修: the repair is reported; only the device's recovery signal closes the fault. */
  public Answer<FaultDetail> repaired(String id, String note) {
    return workOrder(id, "/repaired", note);
  }

  /**
   * The UITDs of a unit or of the operator.
   *
   * @param liveness ONLINE, OFFLINE, UNKNOWN, or blank for all
   */
  public Answer<List<Device>> devices(String unit, String liveness, String operator) {
    return calls
        .get(
            calls.uri(
                "/api/devices",
                q -> {
                  opt(unit).ifPresent(v -> q.queryParam("unit", v));
                  opt(liveness).ifPresent(v -> q.queryParam("liveness", v));
                  opt(operator).ifPresent(v -> q.queryParam("operator", v));
                }))
        .map(node -> Arrays.asList(read(node, Device[].class)));
  }

  public Answer<List<Poll>> polls(String unit, int limit) {
    if (!UNIT_ID.matcher(unit).matches()) {
      return notFound();
    }
    return calls
        .get(calls.uri("/api/units/" + unit + "/polls", q -> q.queryParam("limit", limit)))
        .map(node -> Arrays.asList(read(node, Poll[].class)));
  }

  /** 立即巡检: a full status read of every UITD of the unit. */
  public Answer<List<Poll>> pollNow(String unit) {
    if (!UNIT_ID.matcher(unit).matches()) {
      return notFound();
    }
    return calls
        .send(HttpMethod.POST, calls.uri("/api/units/" + unit + "/polls", q -> {}), Map.of())
        .map(node -> node.isArray() ? Arrays.asList(read(node, Poll[].class)) : List.of());
  }

  public Answer<PollPeriod> pollPeriod(String unit) {
    if (!UNIT_ID.matcher(unit).matches()) {
      return notFound();
    }
    return calls
        .get(calls.uri("/api/units/" + unit + "/poll-period", q -> {}))
        .map(node -> read(node, PollPeriod.class));
  }

  /**
   * Sets the unit's own poll period, or (null) removes it so the operator's applies again.
   *
   * @param minutes 1–120 (GB 50440: at most 2 h), or null
   */
  public Answer<PollPeriod> setPollPeriod(String unit, Integer minutes) {
    if (!UNIT_ID.matcher(unit).matches()) {
      return notFound();
    }
    if (minutes != null && (minutes < 1 || minutes > 120)) {
      return Answer.failed(
          new Problem(Problem.Kind.REFUSED, 400, "period: 1 to 120 minutes (GB 50440: ≤ 2 h)"));
    }
    var uri = calls.uri("/api/units/" + unit + "/poll-period", q -> {});
    Answer<JsonNode> answer =
        minutes == null
            ? calls.send(HttpMethod.DELETE, uri, null)
            : calls.send(HttpMethod.PUT, uri, Map.of("period", "PT" + minutes + "M"));
    return answer.map(node -> read(node, PollPeriod.class));
  }

  /**
   * The daily integrity rate and repair times.
   *
   * @param scope {@code units}, {@code operators} or {@code districts}
   * @param from first day (ISO date) or blank
   * @param to last day (ISO date) or blank
   */
  public Answer<Integrity> integrity(String scope, String id, String from, String to) {
    if (!List.of("units", "operators", "districts").contains(scope)
        || !UNIT_ID.matcher(id).matches()) {
      return notFound();
    }
    return calls
        .get(
            calls.uri(
                "/api/integrity/" + scope + "/" + id,
                q -> {
                  opt(from).ifPresent(v -> q.queryParam("from", v));
                  opt(to).ifPresent(v -> q.queryParam("to", v));
                }))
        .map(node -> read(node, Integrity.class));
  }

  // ---------------------------------------------------------------------------------------------

  private Answer<FaultDetail> workOrder(String id, String step, String note) {
    if (!FAULT_ID.matcher(id).matches()) {
      return notFound();
    }
    Map<String, Object> body = new HashMap<>();
    body.put("note", note == null || note.isBlank() ? null : note.trim());
    return calls
        .send(HttpMethod.POST, calls.uri("/api/faults/" + id + step, q -> {}), body)
        .map(node -> read(node, FaultDetail.class));
  }

  private static <T> Answer<T> notFound() {
    return Answer.failed(new Problem(Problem.Kind.NOT_FOUND, 404, null));
  }

  static <T> T read(JsonNode node, Class<T> type) {
    return ServiceCalls.JSON.treeToValue(node, type);
  }

  private static Optional<String> opt(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
