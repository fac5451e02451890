package io.fenghuo.dispatch.support;

import com.sun.net.httpserver.HttpServer;
import io.fenghuo.dispatch.incident.messaging.WebhookClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for a 119 centre's webhook (JDK HttpServer on a loopback port). It
 * checks every request's HMAC signature with the shared secret, answers 401 to a bad one, and
 * answers 500 to the first {@code n} requests for a subject the test asked to fail.
 */
public final class WebhookServer implements AutoCloseable {

  public static final String SECRET = "test-119-webhook-secret";

  /** One request as the centre saw it. */
  public record Received(
      String subject, String type, String id, String body, boolean signatureValid, int answered) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  public WebhookServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/119/incidents",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          var headers = exchange.getRequestHeaders();
          String timestamp = headers.getFirst(WebhookClient.TIMESTAMP_HEADER);
          String signature = headers.getFirst(WebhookClient.SIGNATURE_HEADER);
          boolean valid =
              timestamp != null
                  && signature != null
                  && signature.equals("sha256=" + hmac(SECRET, timestamp + "." + body));
          String subject = headers.getFirst("ce-subject");
          int status;
          if (!valid) {
            status = 401;
          } else if (refused.contains(subject)) {
            status = 422;
          } else {
            AtomicInteger left = failuresLeft.get(subject);
            status = left != null && left.getAndDecrement() > 0 ? 500 : 204;
          }
          received.add(
              new Received(
                  subject,
                  headers.getFirst("ce-type"),
                  headers.getFirst("ce-id"),
                  body,
                  valid,
                  status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  /** The URL to configure as the webhook. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/119/incidents";
  }

  /** Answer 500 to the next {@code times} requests for this subject (record key). */
  public void failNext(String subject, int times) {
    failuresLeft.put(subject, new AtomicInteger(times));
  }

  /** Answer 422 to every request for this subject. */
  public void refuse(String subject) {
    refused.add(subject);
  }

  public List<Received> receivedFor(String subject) {
    return received.stream().filter(r -> subject.equals(r.subject())).toList();
  }

  /** The signature check as a centre would write it, independent of the service's code. */
  static String hmac(String secret, String text) {
    try {
      var mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
