package io.fenghuo.console.alarms;

import io.fenghuo.console.ConsoleProperties;
import io.fenghuo.console.alarms.AlarmApi.Card;
import io.fenghuo.console.alarms.AlarmApi.Detail;
import io.fenghuo.console.alarms.AlarmApi.DetailExtras;
import io.fenghuo.console.alarms.AlarmApi.FalseAlarmStatistics;
import io.fenghuo.console.alarms.AlarmApi.HistoryPage;
import io.fenghuo.console.alarms.AlarmApi.Plan;
import io.fenghuo.console.alarms.AlarmApi.Policy;
import io.fenghuo.console.alarms.AlarmApi.Queue;
import io.fenghuo.console.backend.Answer;
import io.fenghuo.console.backend.Answer.Problem;
import io.fenghuo.console.backend.ServiceCalls;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alarm-service ({@code alarm-api.md}) called with the signed-in user's own access token (token
 * relay): the service scopes every answer to the user's operator or unit and checks the role of
 * every action, so the console never widens what a user sees. Every call returns an {@link Answer}:
 * a down service, a refusal or a conflict becomes a problem the page shows, never an exception.
 */
@Component
public class AlarmDesk {

  /** The name of the service in {@code fenghuo.console.services}. */
  public static final String SERVICE = "alarm-service";

  /** Alarm ids are UUIDs; anything else never reaches the service's path. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  static final JsonMapper JSON = ServiceCalls.JSON;

  private final ServiceCalls calls;

  public AlarmDesk(RestClient backendClient, ConsoleProperties properties) {
    this.calls = new ServiceCalls(backendClient, properties, SERVICE);
  }

  /**
   * The open alarms in the service's queue order.
   *
   * @param operator the operator to read for an admin or supervision user (passed as {@code
   *     ?operator=}); null for operator staff, whose token names their operator
   */
  public Answer<Queue> queue(String operator) {
    return get(uri("/api/alarms/queue", q -> q.queryParamIfPresent("operator", opt(operator))))
        .map(node -> read(node, Queue.class));
  }

  public Answer<Detail> detail(String id) {
    if (!ID.matcher(id).matches()) {
      return Answer.failed(new Problem(Problem.Kind.NOT_FOUND, 404, null));
    }
    return get(uri("/api/alarms/" + id, q -> {})).map(AlarmDesk::detailOf);
  }

  public Answer<Card> claim(String id, boolean takeOver) {
    return action(
            id,
            "/claim",
            q ->
                q.queryParamIfPresent(
                    "takeOver", takeOver ? Optional.of("true") : Optional.empty()),
            null)
        .map(node -> read(node, Card.class));
  }

  public Answer<Boolean> release(String id) {
    return action(id, "/release", q -> {}, null).map(node -> true);
  }

  /** Records one call to a contact ({@code outcome}: ANSWERED, NO_ANSWER, BUSY). */
  public Answer<Boolean> call(
      String id, String contactName, String phone, String outcome, String note) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contactName", contactName);
    body.put("phone", phone);
    body.put("outcome", outcome);
    body.put("note", blankToNull(note));
    return action(id, "/calls", q -> {}, body).map(node -> true);
  }

  public Answer<Boolean> note(String id, String text) {
    return action(id, "/notes", q -> {}, Map.of("text", text == null ? "" : text))
        .map(node -> true);
  }

  /** 真实火警: every field optional; the service emits {@code alarm.confirmed}. */
  public Answer<Detail> confirm(String id, Map<String, String> fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    fields.forEach((k, v) -> body.put(k, blankToNull(v)));
    return action(id, "/confirm", q -> {}, body).map(AlarmDesk::detailOf);
  }

  /** 误报 (with a cause) or 测试 (without). */
  public Answer<Detail> dismiss(String id, String verdict, String cause, String notes) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("verdict", verdict);
    body.put("cause", blankToNull(cause));
    body.put("notes", blankToNull(notes));
    return action(id, "/dismiss", q -> {}, body).map(AlarmDesk::detailOf);
  }

  /** {@code GET /api/alarms} with the filters that are set (blank ones are left out). */
  public Answer<HistoryPage> history(Map<String, String> filters, String operator) {
    return get(uri(
            "/api/alarms",
            q -> {
              filters.forEach((k, v) -> q.queryParamIfPresent(k, opt(v)));
              q.queryParamIfPresent("operator", opt(operator));
            }))
        .map(node -> read(node, HistoryPage.class));
  }

  public Answer<FalseAlarmStatistics> falseAlarms(String from, String to, String operator) {
    return get(uri(
            "/api/alarms/statistics/false-alarms",
            q ->
                q.queryParamIfPresent("from", opt(from))
                    .queryParamIfPresent("to", opt(to))
                    .queryParamIfPresent("operator", opt(operator))))
        .map(node -> read(node, FalseAlarmStatistics.class));
  }

  public Answer<Policy> policy() {
    return get(uri("/api/alarm-policy", q -> {})).map(node -> read(node, Policy.class));
  }

  public Answer<Policy> updatePolicy(Policy policy) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("unclaimedAfter", policy.unclaimedAfter().toString());
    body.put("unconfirmedAfter", policy.unconfirmedAfter().toString());
    body.put("claimIdleTimeout", policy.claimIdleTimeout().toString());
    body.put("forwardUnconfirmedTo119", policy.forwardUnconfirmedTo119());
    body.put("groupingWindow", policy.groupingWindow().toString());
    body.put("floodPoints", policy.floodPoints());
    body.put("floodWindow", policy.floodWindow().toString());
    return send(HttpMethod.PUT, uri("/api/alarm-policy", q -> {}), body)
        .map(node -> node.isObject() && node.size() > 0 ? read(node, Policy.class) : policy);
  }

  public Answer<List<Plan>> actionPlans() {
    return get(uri("/api/action-plans", q -> {})).map(AlarmDesk::plansOf);
  }

  public Answer<Boolean> updateActionPlan(String category, List<String> steps) {
    if (!CATEGORY.matcher(category).matches()) {
      return Answer.failed(new Problem(Problem.Kind.REFUSED, 400, "category " + category));
    }
    return send(
            HttpMethod.PUT,
            uri("/api/action-plans/" + category, q -> {}),
            Map.of("steps", List.copyOf(steps)))
        .map(node -> true);
  }

  // ---------------------------------------------------------------------------------------------

  private Answer<JsonNode> action(
      String id, String suffix, Consumer<UriComponentsBuilder> query, Object body) {
    if (!ID.matcher(id).matches()) {
      return Answer.failed(new Problem(Problem.Kind.NOT_FOUND, 404, null));
    }
    return send(HttpMethod.POST, uri("/api/alarms/" + id + suffix, query), body);
  }

  private Answer<JsonNode> get(Optional<URI> uri) {
    return calls.get(uri);
  }

  private Answer<JsonNode> send(HttpMethod method, Optional<URI> uri, Object body) {
    return calls.send(method, uri, body);
  }

  private Optional<URI> uri(String path, Consumer<UriComponentsBuilder> query) {
    return calls.uri(path, query);
  }

  /** The RFC 9457 {@code detail}, else {@code title}, else null. */
  static String detailOf(byte[] body) {
    return ServiceCalls.detailOf(body);
  }

  static Detail detailOf(JsonNode node) {
    Card card = read(node, Card.class);
    DetailExtras x = read(node, DetailExtras.class);
    return new Detail(
        card,
        x.unit(),
        x.points(),
        x.contacts(),
        x.falseAlarmRate(),
        x.actionPlan(),
        x.calls(),
        x.result(),
        x.timeline(),
        x.dispatch());
  }

  /**
   * The action plans: the API names only the endpoint, so a list of {@code {category, steps}}, an
   * {@code {items: [...]}} page and a map category → steps (or → {@code {steps}}) are all read.
   */
  static List<Plan> plansOf(JsonNode node) {
    JsonNode list = node.isArray() ? node : node.get("items");
    List<Plan> plans = new ArrayList<>();
    if (list != null && list.isArray()) {
      for (JsonNode plan : list) {
        plans.add(read(plan, Plan.class));
      }
      return plans;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode steps = e.getValue().isArray() ? e.getValue() : e.getValue().get("steps");
      List<String> texts = new ArrayList<>();
      if (steps != null) {
        steps.forEach(s -> texts.add(s.asString()));
      }
      plans.add(new Plan(e.getKey(), texts));
    }
    return plans;
  }

  private static <T> T read(JsonNode node, Class<T> type) {
    return JSON.treeToValue(node, type);
  }

  private static Optional<String> opt(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
