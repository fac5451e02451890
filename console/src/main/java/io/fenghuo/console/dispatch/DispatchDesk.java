package io.fenghuo.console.dispatch;

import io.fenghuo.console.ConsoleProperties;
import io.fenghuo.console.backend.Answer;
import io.fenghuo.console.backend.Answer.Problem;
import io.fenghuo.console.backend.ServiceCalls;
import io.fenghuo.console.dispatch.DispatchApi.IncidentDetail;
import io.fenghuo.console.dispatch.DispatchApi.IncidentPage;
import io.fenghuo.console.dispatch.DispatchApi.TestPage;
import java.net.URI;
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
 * The dispatch-119 service called with the signed-in user's own access token (token relay): the
 * service decides what the user sees (a dispatcher every operator's incidents, operator staff only
 * their own) and which buttons it accepts (dispatchers and admins). Every call returns an {@link
 * Answer}: a down service, a refusal or an unknown incident becomes a problem the page shows.
 */
@Component
public class DispatchDesk {

  /** The name of the service in {@code fenghuo.console.services}. */
  public static final String SERVICE = "dispatch-119-service";

  /** Incident and test ids are UUIDs; anything else never reaches the service's path. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  /** The history filters passed on to {@code GET /api/incidents}. */
  static final List<String> FILTERS =
      List.of("operator", "status", "confirmed", "escalated", "from", "to", "q", "page", "size");

  static final JsonMapper JSON = ServiceCalls.JSON;

  private final ServiceCalls calls;

  public DispatchDesk(RestClient backendClient, ConsoleProperties properties) {
    this.calls = new ServiceCalls(backendClient, properties, SERVICE);
  }

  /** The live list: not closed, unacknowledged first, then newest (the service's order). */
  public Answer<IncidentPage> live() {
    return get(uri("/api/incidents", q -> q.queryParam("view", "live").queryParam("size", 200)))
        .map(node -> JSON.treeToValue(node, IncidentPage.class));
  }

  /** {@code GET /api/incidents?view=history} with the filters that are set. */
  public Answer<IncidentPage> history(Map<String, String> filters) {
    return get(uri(
            "/api/incidents",
            q -> {
              q.queryParam("view", "history");
              for (String f : FILTERS) {
                String v = filters.get(f);
                if (v != null && !v.isBlank()) {
                  q.queryParam(f, v.trim());
                }
              }
            }))
        .map(node -> JSON.treeToValue(node, IncidentPage.class));
  }

  public Answer<IncidentDetail> detail(String id) {
    if (!ID.matcher(id).matches()) {
      return Answer.failed(new Problem(Problem.Kind.NOT_FOUND, 404, null));
    }
    return get(uri("/api/incidents/" + id, q -> {}))
        .map(node -> JSON.treeToValue(node, IncidentDetail.class));
  }

  /** 签收: an ACKNOWLEDGED receipt on {@code fire.119.receipt}. */
  public Answer<Boolean> acknowledge(String id, String note) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("note", blankToNull(note));
    return post("/api/incidents/" + id + "/acknowledge", id, body);
  }

  /** Dispatch progress: ACCEPTED, UNITS_DISPATCHED, ARRIVED, UNDER_CONTROL or CLOSED. */
  public Answer<Boolean> progress(String id, String stage, String note) {
    if (!DispatchApi.STAGES.contains(stage)) {
      return Answer.failed(new Problem(Problem.Kind.REFUSED, 400, "stage " + stage));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("stage", stage);
    body.put("note", blankToNull(note));
    return post("/api/incidents/" + id + "/progress", id, body);
  }

  public Answer<TestPage> communicationTests() {
    return get(uri("/api/communication-tests", q -> q.queryParam("size", 30)))
        .map(node -> JSON.treeToValue(node, TestPage.class));
  }

  /** Runs a communication test now. */
  public Answer<Boolean> runCommunicationTest() {
    return send(HttpMethod.POST, uri("/api/communication-tests", q -> {}), Map.of())
        .map(node -> true);
  }

  /** Answers a communication test from the terminal. */
  public Answer<Boolean> answerCommunicationTest(String id) {
    return post("/api/communication-tests/" + id + "/acknowledge", id, Map.of());
  }

  // ---------------------------------------------------------------------------------------------

  private Answer<Boolean> post(String path, String id, Object body) {
    if (!ID.matcher(id).matches()) {
      return Answer.failed(new Problem(Problem.Kind.NOT_FOUND, 404, null));
    }
    return send(HttpMethod.POST, uri(path, q -> {}), body).map(node -> true);
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

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
