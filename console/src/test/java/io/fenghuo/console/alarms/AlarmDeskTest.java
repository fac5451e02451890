package io.fenghuo.console.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fenghuo.console.ConsoleProperties;
import io.fenghuo.console.backend.Answer;
import io.fenghuo.console.backend.Answer.Problem.Kind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** How the console reads the alarm-service's answers, and what it makes of missing ones. */
class AlarmDeskTest {

  HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aServiceNobodyListensOnIsUnreachableNotAnException() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    AlarmDesk desk = deskAt("http://127.0.0.1:" + port);

    Answer<AlarmApi.Queue> queue = desk.queue(null);

    assertThat(queue.ok()).isFalse();
    assertThat(queue.problem().kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(desk.claim("8f0e2c1a-0000-4000-8000-000000000001", false).problem().kind())
        .isEqualTo(Kind.UNREACHABLE);
  }

  @Test
  void withoutAConfiguredServiceEveryCallSaysSo() {
    AlarmDesk desk =
        new AlarmDesk(RestClient.create(), new ConsoleProperties(List.of(), Duration.ofSeconds(1)));

    assertThat(desk.queue(null).problem().kind()).isEqualTo(Kind.NOT_CONFIGURED);
  }

  @Test
  void aProblemAnswerKeepsItsStatusAndDetail() throws IOException {
    serve(
        409,
        "application/problem+json",
        "{\"status\":409,\"detail\":\"already claimed by op-a-2\"}");

    Answer<AlarmApi.Card> claim =
        deskAt(url()).claim("8f0e2c1a-0000-4000-8000-000000000001", false);

    assertThat(claim.problem().kind()).isEqualTo(Kind.CONFLICT);
    assertThat(claim.problem().status()).isEqualTo(409);
    assertThat(claim.problem().detail()).isEqualTo("already claimed by op-a-2");
  }

  @Test
  void anAnswerOfAnUnexpectedShapeIsAFailureNotAnException() throws IOException {
    serve(200, "application/json", "{\"items\":\"not a list\"}");

    Answer<AlarmApi.Queue> queue = deskAt(url()).queue(null);

    assertThat(queue.problem().kind()).isEqualTo(Kind.FAILED);
  }

  @Test
  void readsTheQueueIgnoringFieldsItDoesNotKnow() throws IOException {
    serve(
        200,
        "application/json",
        "{\"items\":[{\"id\":\"a1\",\"category\":\"FIRE\",\"state\":\"OPEN\",\"pointCount\":3,"
            + "\"firstAlertAt\":\"2026-11-28T08:00:00Z\",\"somethingNew\":1}],"
            + "\"flood\":{\"active\":true,\"alarmsInWindow\":23,\"units\":9,\"windowMinutes\":2}}");

    AlarmApi.Queue queue = deskAt(url()).queue(null).value();

    assertThat(queue.items())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.fire()).isTrue();
              assertThat(c.pointCount()).isEqualTo(3);
              assertThat(c.unitLabel()).isEqualTo("—");
            });
    assertThat(queue.flood().alarmsInWindow()).isEqualTo(23);
  }

  @Test
  void readsActionPlansAsAListOrAMap() {
    var list =
        AlarmDesk.plansOf(
            AlarmDesk.JSON.readTree("[{\"category\":\"KEY_UNIT\",\"steps\":[\"a\",\"b\"]}]"));
    var map =
        AlarmDesk.plansOf(
            AlarmDesk.JSON.readTree("{\"KEY_UNIT\":[\"a\",\"b\"],\"OTHER\":{\"steps\":[\"c\"]}}"));

    assertThat(list).containsExactly(new AlarmApi.Plan("KEY_UNIT", List.of("a", "b")));
    assertThat(map)
        .containsExactly(
            new AlarmApi.Plan("KEY_UNIT", List.of("a", "b")),
            new AlarmApi.Plan("OTHER", List.of("c")));
  }

  @Test
  void historyTimesAreTheUsersLocalTimeAsInstants() {
    assertThat(AlarmSearch.instant("2026-03-01T08:00", java.time.ZoneId.of("Asia/Shanghai")))
        .isEqualTo("2026-03-01T00:00:00Z");
    assertThat(AlarmSearch.instant("yesterday", java.time.ZoneId.of("Asia/Shanghai"))).isEmpty();
  }

  @Test
  void theMapSketchPlacesThePointInsideItsGridCell() {
    AlarmApi.Coordinates westLake = new AlarmApi.Coordinates(30.25, 120.15);

    assertThat(westLake.x()).isBetween(95L, 105L);
    assertThat(westLake.y()).isBetween(95L, 105L);
    assertThat(westLake.cellLabel()).isEqualTo("120.1–120.2°E · 30.2–30.3°N");
  }

  private AlarmDesk deskAt(String url) {
    return new AlarmDesk(
        RestClient.create(),
        new ConsoleProperties(
            List.of(new ConsoleProperties.Service(AlarmDesk.SERVICE, URI.create(url))),
            Duration.ofSeconds(1)));
  }

  private void serve(int status, String type, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", type);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
