package io.fenghuo.console;

import com.sun.net.httpserver.HttpServer;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.idp.LocalIdentityProvider;
import io.fenghuo.testkit.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the console runs against in tests, started once per JVM: the real local identity provider
 * (its own Spring application, signing with the repository's development key), a real Kafka broker
 * (testkit) with the two operators' alarm topics, a stub unit-service that records the bearer
 * tokens the console relays and answers with the token's tenant, and an in-memory alarm-service
 * ({@link StubAlarmService}), dispatch-119 service ({@link StubDispatchService}) and
 * inspection-service ({@link StubInspectionService}) that verify and scope by the relayed token
 * ({@link StubService}). The broker has the operators' alarm, dispatch and fault topics and the 119
 * centre's incident and receipt topics.
 */
final class TestStack {

  static final List<String> OPERATORS = List.of("op-a", "op-b");

  private static TestStack instance;

  final int consolePort = freePort();
  final int downServicePort = freePort();
  final ConfigurableApplicationContext idp;
  final HttpServer unitService;
  final StubAlarmService alarmService;
  final StubDispatchService dispatchService;
  final StubInspectionService inspectionService;
  final List<String> relayedTokens = new CopyOnWriteArrayList<>();

  private TestStack() {
    for (String op : OPERATORS) {
      for (Stream stream : List.of(Stream.ALARM, Stream.DISPATCH, Stream.FAULT)) {
        TestInfrastructure.kafka()
            .createTopic(TopicNames.of(OperatorId.of(op), stream).toString(), 1, Map.of());
      }
    }
    for (Stream stream : List.of(Stream.INCIDENT, Stream.RECEIPT)) {
      TestInfrastructure.kafka().createTopic(TopicNames.of(stream).toString(), 1, Map.of());
    }
    idp =
        LocalIdentityProvider.start(
            "--server.port=0",
            "--fenghuo.idp.signing-key=file:../deploy/local/seed/dev-jwt/dev-private.pem",
            "--fenghuo.idp.console-base-urls=http://127.0.0.1:" + consolePort);
    unitService = startUnitService();
    alarmService = new StubAlarmService();
    dispatchService = new StubDispatchService();
    inspectionService = new StubInspectionService();
  }

  static synchronized TestStack get() {
    if (instance == null) {
      instance = new TestStack();
    }
    return instance;
  }

  String issuer() {
    return "http://127.0.0.1:" + idp.getEnvironment().getProperty("local.server.port");
  }

  String consoleUrl() {
    return "http://127.0.0.1:" + consolePort;
  }

  String unitServiceUrl() {
    return "http://127.0.0.1:" + unitService.getAddress().getPort();
  }

  /** A service nobody listens on. */
  String downServiceUrl() {
    return "http://127.0.0.1:" + downServicePort;
  }

  private HttpServer startUnitService() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/actuator/health", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
      server.createContext(
          "/api/units",
          exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
              respond(exchange, 401, "{}");
              return;
            }
            String token = auth.substring("Bearer ".length());
            relayedTokens.add(token);
            String payload =
                new String(
                    Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            String operator = payload.replaceAll(".*\"operator_id\":\"([a-z0-9-]+)\".*", "$1");
            respond(
                exchange,
                200,
                "{\"items\":[{\"id\":\"U-"
                    + operator
                    + "-1\",\"operator\":\""
                    + operator
                    + "\",\"profile\":{\"name\":\"Unit of "
                    + operator
                    + "\",\"category\":\"KEY_UNIT\",\"address\":\"Hangzhou\"}}],"
                    + "\"page\":0,\"size\":50,\"total\":1}");
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int code, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
