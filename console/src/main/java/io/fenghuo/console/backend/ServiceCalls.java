package io.fenghuo.console.backend;

import io.fenghuo.console.ConsoleProperties;
import io.fenghuo.console.backend.Answer.Problem;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls of one backend service with the signed-in user's own token (the {@code backendClient}
 * relays it): every call is an {@link Answer}, so a service that is not configured, down, refusing
 * or answering something unreadable becomes a problem a page shows, never an exception. The
 * service's RFC 9457 {@code detail} is kept for the page.
 */
public final class ServiceCalls {

  /** Lenient JSON: the services may add fields; null primitives read as defaults. */
  public static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private static final Logger log = LoggerFactory.getLogger(ServiceCalls.class);

  private final RestClient client;
  private final String service;
  private final Optional<URI> base;

  /**
   * @param client the token-relaying client
   * @param properties where the services are
   * @param service the service's name in {@code fenghuo.console.services}
   */
  public ServiceCalls(RestClient client, ConsoleProperties properties, String service) {
    this.client = client;
    this.service = service;
    this.base = properties.service(service).map(ConsoleProperties.Service::url);
  }

  /** The service's URI for a path and query, empty if the service is not configured. */
  public Optional<URI> uri(String path, Consumer<UriComponentsBuilder> query) {
    return base.map(
        b -> {
          UriComponentsBuilder builder = UriComponentsBuilder.fromUri(b).path(path);
          query.accept(builder);
          return builder.encode().build().toUri();
        });
  }

  public Answer<JsonNode> get(Optional<URI> uri) {
    return send(HttpMethod.GET, uri, null);
  }

  private record Raw(int status, byte[] body) {}

  /**
   * One call; {@code body} (any JSON-writable value, or null for none) is sent as JSON. An empty
   * 2xx answer is an empty object.
   */
  public Answer<JsonNode> send(HttpMethod method, Optional<URI> uri, Object body) {
    if (uri.isEmpty()) {
      return Answer.failed(new Problem(Problem.Kind.NOT_CONFIGURED, 0, service));
    }
    Raw raw;
    try {
      RestClient.RequestBodySpec request =
          client
              .method(method)
              .uri(uri.get())
              .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsBytes(body));
      }
      raw =
          request.exchange(
              (req, res) -> new Raw(res.getStatusCode().value(), res.getBody().readAllBytes()));
    } catch (RestClientException | OAuth2AuthorizationException | JacksonException e) {
      log.debug("{} {} failed: {}", method, uri.get(), e.toString());
      return Answer.failed(new Problem(Problem.Kind.UNREACHABLE, 0, e.getMessage()));
    }
    if (raw.status() >= 200 && raw.status() < 300) {
      try {
        return Answer.of(
            raw.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(raw.body()));
      } catch (JacksonException e) {
        return Answer.failed(new Problem(Problem.Kind.FAILED, raw.status(), "unreadable answer"));
      }
    }
    return Answer.failed(
        new Problem(Problem.ofStatus(raw.status()), raw.status(), detailOf(raw.body())));
  }

  /** The RFC 9457 {@code detail}, else {@code title}, else null. */
  public static String detailOf(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      for (String field : List.of("detail", "title")) {
        JsonNode value = node.get(field);
        if (value != null && value.isString() && !value.asString().isBlank()) {
          return value.asString();
        }
      }
      return null;
    } catch (JacksonException e) {
      return null;
    }
  }
}
