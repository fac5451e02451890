package io.fenghuo.console.about;

import io.fenghuo.console.ConsoleProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks each backend service for its health ({@code /actuator/health}) at the same time, and waits
 * at most the configured timeout for each, so one hanging service cannot hide the others.
 */
public final class ServiceHealth {

  /** What the about page shows per service. */
  public enum State {
    /** Answered {@code UP}. */
    UP,
    /** Answered, but not {@code UP} (e.g. {@code DOWN}, {@code OUT_OF_SERVICE}). */
    DOWN,
    /** No answer within the timeout, or no connection. */
    UNREACHABLE
  }

  /**
   * One service's status.
   *
   * @param name the service
   * @param url its base URL
   * @param state what it answered
   * @param detail the reported status or the connection error, for the tooltip
   */
  public record Status(String name, URI url, State state, String detail) {}

  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

  private final HttpClient http;
  private final Duration timeout;

  public ServiceHealth(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public List<Status> check(List<ConsoleProperties.Service> services) {
    List<CompletableFuture<Status>> checks = services.stream().map(this::check).toList();
    return checks.stream().map(CompletableFuture::join).toList();
  }

  private CompletableFuture<Status> check(ConsoleProperties.Service service) {
    URI health = URI.create(stripSlash(service.url().toString()) + "/actuator/health");
    HttpRequest request =
        HttpRequest.newBuilder(health)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> fromResponse(service, response.statusCode(), response.body()))
        .exceptionally(
            e ->
                new Status(
                    service.name(),
                    service.url(),
                    State.UNREACHABLE,
                    e.getCause() != null ? e.getCause().toString() : e.toString()));
  }

  static Status fromResponse(ConsoleProperties.Service service, int code, String body) {
    Matcher m = STATUS.matcher(body == null ? "" : body);
    String reported = m.find() ? m.group(1) : "HTTP " + code;
    State state = code == 200 && "UP".equals(reported) ? State.UP : State.DOWN;
    return new Status(service.name(), service.url(), state, reported);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
