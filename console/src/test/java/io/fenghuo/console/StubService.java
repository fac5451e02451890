package io.fenghuo.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every in-memory backend of the console's tests shares: an HTTP server on a free port with
 * {@code /actuator/health} UP and {@code /api/**} handled by {@link #answer}; the relayed bearer
 * token verified with the repository's development public key (401 without a valid one) and read as
 * a {@link Caller}; every call recorded ({@link #relayed}); a {@link Refused} answered as an RFC
 * 9457 problem, anything else thrown as a 500. Handlers run one at a time ({@code synchronized}).
 */
abstract class StubService {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * One call the console made.
   *
   * @param subject the token's subject
   * @param method HTTP method
   * @param path path with query
   * @param token the relayed access token
   * @param body the request body (empty for none)
   */
  record Relayed(String subject, String method, String path, String token, String body) {}

  /** The caller as the relayed token says (ADR 0002 claims). */
  record Caller(String subject, List<String> roles, String operator, String unit, String company) {
    boolean has(String role) {
      return roles.contains(role);
    }

    boolean operatorStaff() {
      return has("operator") || has("operator-supervisor");
    }

    boolean regionWide() {
      return has("admin") || has("supervision");
    }
  }

  /** A request the stub refuses, answered as a problem with this status and detail. */
  static final class Refused extends RuntimeException {
    final int status;

    Refused(int status, String detail) {
      super(detail);
      this.status = status;
    }
  }

  /** One API request, authenticated. */
  record Request(
      Caller caller, String method, String path, Map<String, String> query, JsonNode body) {}

  /** An answer: status and a JSON-writable body. */
  record Reply(int status, Object body) {
    static Reply ok(Object body) {
      return new Reply(200, body);
    }
  }

  final HttpServer server;
  final List<Relayed> relayed = new CopyOnWriteArrayList<>();
  private final NimbusJwtDecoder tokens = NimbusJwtDecoder.withPublicKey(devPublicKey()).build();

  StubService() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/actuator/health", exchange -> respond(exchange, 200, Map.of("status", "UP")));
    server.createContext("/api/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Relayed> relayedTo(String pathPrefix) {
    return relayed.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
  }

  /**
   * Answers one authenticated API request (under this stub's lock).
   *
   * @throws Refused to answer with a problem
   */
  abstract Reply answer(Request request);

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      Caller caller = authenticate(auth);
      String method = exchange.getRequestMethod();
      byte[] raw = method.equals("GET") ? new byte[0] : exchange.getRequestBody().readAllBytes();
      relayed.add(
          new Relayed(
              caller.subject(),
              method,
              exchange.getRequestURI().toString(),
              auth.substring("Bearer ".length()),
              new String(raw, StandardCharsets.UTF_8)));
      Request request =
          new Request(
              caller,
              method,
              exchange.getRequestURI().getPath(),
              query(exchange.getRequestURI().getRawQuery()),
              raw.length == 0 ? null : JSON.readTree(raw));
      Reply reply;
      synchronized (this) {
        reply = answer(request);
      }
      respond(exchange, reply.status(), reply.body());
    } catch (Refused r) {
      problem(exchange, r.status, r.getMessage());
    } catch (RuntimeException e) {
      problem(exchange, 500, e.toString());
    }
  }

  private Caller authenticate(String auth) {
    if (auth == null || !auth.startsWith("Bearer ")) {
      throw new Refused(401, "bearer token required");
    }
    try {
      Jwt jwt = tokens.decode(auth.substring("Bearer ".length()));
      List<String> roles = jwt.getClaimAsStringList("roles");
      return new Caller(
          jwt.getSubject(),
          roles == null ? List.of() : roles,
          jwt.getClaimAsString("operator_id"),
          jwt.getClaimAsString("unit_id"),
          jwt.getClaimAsString("maintenance_company"));
    } catch (JwtException e) {
      throw new Refused(401, "invalid token: " + e.getMessage());
    }
  }

  /** A string field of a request body, null if absent or blank. */
  static String text(JsonNode body, String field) {
    JsonNode value = body == null ? null : body.get(field);
    return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
  }

  static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length() - 1) {
        query.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status == 409 ? "Conflict" : "Problem");
    body.put("status", status);
    body.put("detail", detail);
    send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(body));
  }

  private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  static RSAPublicKey devPublicKey() {
    try {
      String pem = Files.readString(Path.of("../deploy/local/seed/dev-jwt/dev-public.pem"));
      byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    } catch (Exception e) {
      throw new IllegalStateException("development public key", e);
    }
  }
}
