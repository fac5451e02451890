package io.fenghuo.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for a service under test: what any client of its API would send (JSON bodies,
 * an optional bearer token), with the answer as status + JSON.
 */
public final class Api {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public Api(int port) {
    this.base = "http://localhost:" + port;
  }

  /**
   * A response.
   *
   * @param status HTTP status
   * @param body the body as JSON, or a missing node
   */
  public record Response(int status, JsonNode body) {
    public JsonNode get(String field) {
      return body.get(field);
    }
  }

  public Response get(String path, String token) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), token);
  }

  public Response delete(String path, String token) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
  }

  public Response post(String path, String token, Object body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json(body))),
        token);
  }

  public Response put(String path, String token, Object body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json(body))),
        token);
  }

  public Response postCsv(String path, String token, String csv) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "text/csv; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)),
        token);
  }

  private Response send(HttpRequest.Builder request, String token) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String text = response.body();
      JsonNode body =
          text == null || text.isBlank()
              ? JSON.missingNode()
              : text.startsWith("{") || text.startsWith("[")
                  ? JSON.readTree(text)
                  : JSON.getNodeFactory().stringNode(text);
      return new Response(response.statusCode(), body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object body) {
    return body instanceof String s ? s : JSON.writeValueAsString(body);
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }
}
