package io.fenghuo.gateway.command;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fenghuo.contracts.command.CommandOutcome;
import io.fenghuo.contracts.command.DeviceCommandRequested;
import io.fenghuo.contracts.kafka.EventJson;
import io.fenghuo.gateway.GatewaySettings;
import io.fenghuo.gateway.liveness.DeviceDirectory;
import io.fenghuo.gateway.metrics.GatewayMetrics;
import io.fenghuo.gateway.session.DeviceSession;
import io.fenghuo.gateway.session.Sessions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes a downlink command to the instance holding the device's connection (the Eclipse Hono
 * pattern): a session on this instance runs it here; otherwise the device → instance mapping in
 * Redis (lifespan {@code route-ttl}, refreshed by traffic) names the holder, whose announced
 * internal endpoint gets the command by HTTP ({@code POST /internal/commands}, the command's JSON
 * as body; 202 = the holder has the session and will publish the result, 404 = it does not). No
 * mapping, an expired one, a holder that does not have the session or cannot be reached: the result
 * is {@code DEVICE_OFFLINE}.
 *
 * <p>The endpoint is the JDK's {@link HttpServer} on {@code command-port} (all interfaces, or
 * {@code command-bind-host}), announced in Redis as {@code http://<advertised-host>:<port>}; it is
 * for the gateway instances of one operator only and belongs on the internal network. Every request
 * must be signed with the operator's shared secret ({@link ForwardingAuth}: HMAC-SHA256 over
 * timestamp and body, 60 s window, no replays); others get {@code 401} before their body is even
 * parsed, counted in {@code fenghuo.gateway.internal.rejected{reason}}.
 */
public final class CommandRouter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);
  static final String PATH = "/internal/commands";

  /** Largest body accepted (a command's JSON is well under 2 KB). */
  static final int MAX_BODY = 64 * 1024;

  private final GatewaySettings settings;
  private final Sessions sessions;
  private final DeviceDirectory directory;
  private final CommandExecutor executor;
  private final GatewayMetrics metrics;
  // Until start(): a random secret, so nothing this instance forwards is accepted (fail closed).
  private volatile ForwardingAuth auth = ForwardingAuth.of(null, Clock.systemUTC());
  private final JsonMapper json = EventJson.mapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ExecutorService httpWorker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "gw-command-endpoint");
            t.setDaemon(true);
            return t;
          });
  private HttpServer server;
  private String endpoint;

  public CommandRouter(
      GatewaySettings settings,
      Sessions sessions,
      DeviceDirectory directory,
      CommandExecutor executor,
      GatewayMetrics metrics) {
    this.settings = settings;
    this.sessions = sessions;
    this.directory = directory;
    this.executor = executor;
    this.metrics = metrics;
  }

  /**
   * Starts the internal endpoint and returns the URI it is announced under. Requests to it, and
   * this instance's own forwards, are signed with the endpoint's secret (instances' wall clocks
   * must agree within {@link ForwardingAuth#WINDOW}).
   *
   * @throws IOException if the port cannot be bound
   */
  public String start(CommandEndpoint config) throws IOException {
    auth = ForwardingAuth.of(config.secret(), Clock.systemUTC());
    int port = config.port();
    String bindHost = config.bindHost();
    String advertisedHost = config.advertisedHost();
    if (!auth.isConfigured()) {
      log.warn(
          "No fenghuo.gateway.command-secret: this instance accepts no forwarded commands, and"
              + " the other instances refuse its forwards. Set the same secret on all of the"
              + " operator's instances.");
    }
    InetSocketAddress address =
        bindHost == null || bindHost.isBlank()
            ? new InetSocketAddress(port)
            : new InetSocketAddress(bindHost, port);
    server = HttpServer.create(address, 64);
    server.createContext(PATH, this::onForwarded);
    server.setExecutor(httpWorker);
    server.start();
    endpoint = "http://" + advertisedHost + ":" + server.getAddress().getPort();
    return endpoint;
  }

  /** The announced endpoint, or null before {@link #start}. */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Routes a command taken from {@code device.command}. Never throws.
   *
   * @return completes once this instance is done with the command: its outcome is in Kafka, or the
   *     holding instance accepted it (202; from then on the outcome is the holder's to publish);
   *     fails if the outcome could not be published
   */
  public CompletableFuture<Void> route(DeviceCommandRequested c) {
    try {
      Optional<DeviceSession> local = sessions.of(c.device());
      if (local.isPresent()) {
        metrics.command(kind(c), "routed_local");
        return executor.execute(c, local.get());
      }
      Optional<String> holder = directory.instanceOf(c.device());
      if (holder.isEmpty() || holder.get().equals(settings.instanceId())) {
        return offline(c, "no gateway instance holds the device");
      }
      Optional<String> target = directory.endpointOf(holder.get());
      if (target.isEmpty()) {
        return offline(c, "instance " + holder.get() + " announced no command endpoint");
      }
      return forward(c, holder.get(), target.get());
    } catch (RuntimeException e) {
      log.warn("Routing command {} failed", c.commandId(), e);
      return executor.complete(c, CommandOutcome.DEVICE_OFFLINE, 0, null, "routing failed: " + e);
    }
  }

  private CompletableFuture<Void> forward(DeviceCommandRequested c, String holder, String target) {
    int status;
    try {
      byte[] body = json.writeValueAsBytes(c);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(target + PATH))
              .timeout(Duration.ofSeconds(5))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      auth.sign(body).forEach(request::header);
      status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      metrics.command(kind(c), "forward_failed");
      return offline(c, "instance " + holder + " unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return offline(c, "interrupted while forwarding");
    }
    if (status == 202) {
      metrics.command(kind(c), "forwarded");
      return CompletableFuture.completedFuture(null);
    } else if (status == 401) {
      metrics.command(kind(c), "forward_unauthorized");
      log.error(
          "Instance {} refused a forwarded command as unauthenticated: do the instances share"
              + " fenghuo.gateway.command-secret (and clocks within {})?",
          holder,
          ForwardingAuth.WINDOW);
      return offline(c, "instance " + holder + " refused the forward (HTTP 401)");
    } else {
      metrics.command(kind(c), "forward_refused");
      return offline(c, "instance " + holder + " does not hold the device (HTTP " + status + ")");
    }
  }

  private void onForwarded(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        metrics.internalRejected("too_large");
        exchange.sendResponseHeaders(413, -1);
        return;
      }
      ForwardingAuth.Verdict verdict =
          auth.verify(
              exchange.getRequestHeaders().getFirst(ForwardingAuth.TIMESTAMP_HEADER),
              exchange.getRequestHeaders().getFirst(ForwardingAuth.SIGNATURE_HEADER),
              body);
      if (verdict != ForwardingAuth.Verdict.OK) {
        metrics.internalRejected(verdict.name().toLowerCase());
        log.warn(
            "Refused a forwarded command from {}: {}",
            exchange.getRemoteAddress(),
            verdict.name().toLowerCase());
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      DeviceCommandRequested c;
      try {
        c = json.readValue(body, DeviceCommandRequested.class);
      } catch (RuntimeException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      Optional<DeviceSession> local = sessions.of(c.device());
      if (local.isEmpty()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      metrics.command(kind(c), "received_forwarded");
      executor.execute(c, local.get());
      exchange.sendResponseHeaders(202, -1);
    }
  }

  private CompletableFuture<Void> offline(DeviceCommandRequested c, String detail) {
    return executor.complete(c, CommandOutcome.DEVICE_OFFLINE, 0, null, detail);
  }

  private static String kind(DeviceCommandRequested c) {
    return c.kind().name().toLowerCase();
  }

  /**
   * Stops taking forwarded commands (the endpoint closes; forwarders get a connection error and
   * publish {@code DEVICE_OFFLINE}). Commands already accepted keep running.
   */
  public synchronized void stopAccepting() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  @Override
  public void close() {
    stopAccepting();
    httpWorker.shutdownNow();
  }
}
