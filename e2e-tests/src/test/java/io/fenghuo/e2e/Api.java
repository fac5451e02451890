package io.fenghuo.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** A service's HTTP API as one caller (a bearer token) sees it. */
final class Api {

  /** A response: status and parsed JSON body (a null node when empty or not JSON). */
  record Reply(int status, JsonNode body, String raw) {
    Reply expect(int expected) {
      if (status != expected) {
        throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + raw);
      }
      return this;
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String token;

  Api(int port, String token) {
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
      body =
          response.body().isBlank()
              ? KafkaTap.JSON.nullNode()
              : KafkaTap.JSON.readTree(response.body());
    } catch (RuntimeException notJson) {
      body = KafkaTap.JSON.nullNode();
    }
    return new Reply(response.statusCode(), body, response.body());
  }
}
