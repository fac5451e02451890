package io.fenghuo.bench.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's HTTP API as one caller (a development bearer token) uses it: the alarm-service's for
 * the fire scenarios, the unit-service's and the inspection-service's for {@code board-lag}.
 */
final class AlarmApi {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A response: status and parsed body (a null node when empty or not JSON). */
  record Reply(int status, JsonNode body, String raw) {
    Reply expect(int expected) {
      if (status != expected) {
        throw new IllegalStateException(
            "expected HTTP " + expected + " but got " + status + ": " + raw);
      }
      return this;
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String token;

  AlarmApi(int port, String token) {
    this.base = "http://127.0.0.1:" + port;
    this.token = token;
  }

  Reply get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Reply post(String path, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  /** Any method with a body of the given content type (e.g. {@code PUT}, {@code text/csv}). */
  Reply send(String method, String path, String contentType, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
  }

  /** Claims the alarm and closes it as a test (测试): the unit's next fire opens a new alarm. */
  void closeAsTest(String alarmId) throws Exception {
    post("/api/alarms/" + alarmId + "/claim", null); // 409 if already ours or closed: fine
    Reply r =
        post(
            "/api/alarms/" + alarmId + "/dismiss",
            "{\"verdict\":\"TEST\",\"notes\":\"bench: measured, closed\"}");
    if (r.status() != 200 && r.status() != 409) {
      throw new IllegalStateException(
          "dismiss " + alarmId + ": HTTP " + r.status() + " " + r.raw());
    }
  }

  /** Closes every open alarm of the operator's queue (an earlier run's, or the last round's). */
  int closeAllOpen() throws Exception {
    int n = 0;
    for (JsonNode card : get("/api/alarms/queue").expect(200).body().path("items")) {
      closeAsTest(card.path("id").asString());
      n++;
    }
    return n;
  }

  private Reply send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            request
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (RuntimeException notJson) {
      body = JSON.nullNode();
    }
    return new Reply(response.statusCode(), body, response.body());
  }
}
