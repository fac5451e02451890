package io.fenghuo.console.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fenghuo.console.ConsoleProperties;
import io.fenghuo.console.backend.Answer.Problem.Kind;
import io.fenghuo.console.backend.ServiceCalls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** How the console reads the inspection-service, and what never leaves it. */
class InspectionDeskTest {

  HttpServer server;
  final List<String> requested = new ArrayList<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aBoardWithFieldsTheConsoleDoesNotKnowIsRead() throws IOException {
    serve(
        200,
        """
        {"unit":{"unitId":"U-1","operator":"op-a","name":"医院","newField":1},
         "summary":{"points":2,"normalPoints":1,"openFaults":1},
         "buildings":[{"buildingId":"B1","name":"住院楼","floors":[{"floor":3,"label":"3F","points":[
           {"device":"0133","point":{"systemType":1,"systemAddress":1,"componentType":40,"componentAddress":1203},
            "state":{"state":"FAULT","colour":"yellow","text":"故障","flags":["FAULT"]},
            "analog":{"analogType":3,"raw":35,"value":0.350,"unit":"MPa"},"openFaults":["f"]}]}]}]}
        """);

    var board = desk().board("U-1");

    assertThat(board.ok()).isTrue();
    var point = board.value().buildings().get(0).floors().get(0).points().get(0);
    assertThat(point.point().text()).isEqualTo("1-1-40-1203");
    assertThat(point.state().tone()).isEqualTo("fault");
    assertThat(point.analog().text()).isEqualTo("0.35 MPa");
    assertThat(board.value().devices()).isEmpty();
    assertThat(requested).containsExactly("GET /api/units/U-1/board");
  }

  @Test
  void idsAndPeriodsTheServiceWouldRefuseNeverLeaveTheConsole() throws IOException {
    serve(200, "{}");
    InspectionDesk desk = desk();

    assertThat(desk.fault("../units").problem().kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(desk.accept("x/../../units", null).problem().kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(desk.board("U 1").problem().kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(desk.setPollPeriod("U-1", 121).problem().kind()).isEqualTo(Kind.REFUSED);
    assertThat(desk.setPollPeriod("U-1", 0).problem().kind()).isEqualTo(Kind.REFUSED);
    assertThat(desk.integrity("everything", "op-a", null, null).problem().kind())
        .isEqualTo(Kind.NOT_FOUND);
    assertThat(requested).isEmpty();
  }

  @Test
  void aRefusalKeepsTheServicesDetail() throws IOException {
    serve(403, "{\"status\":403,\"detail\":\"polls are for operators and administrators\"}");

    var poll = desk().pollNow("U-1");

    assertThat(poll.problem().kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(poll.problem().detail()).isEqualTo("polls are for operators and administrators");
  }

  @Test
  void thePollPeriodIsSentAsAnIsoDurationAndResetByDelete() throws IOException {
    serve(200, "{\"unitId\":\"U-1\",\"period\":\"PT30M\",\"source\":\"UNIT\"}");

    assertThat(desk().setPollPeriod("U-1", 30).value().minutes()).isEqualTo(30);
    desk().setPollPeriod("U-1", null);

    assertThat(requested)
        .containsExactly("PUT /api/units/U-1/poll-period", "DELETE /api/units/U-1/poll-period");
  }

  @Test
  void theIntegrityChartIsPercentPerDayWithGapsForDaysWithoutPoints() {
    String chart =
        FacilityViews.chart(
            List.of(
                new InspectionApi.Day(LocalDate.of(2026, 11, 27), 40, 0.975, 24),
                new InspectionApi.Day(LocalDate.of(2026, 11, 28), 0, null, 0)));

    assertThat(ServiceCalls.JSON.readValue(chart, Map.class))
        .containsEntry("dates", List.of("2026-11-27", "2026-11-28"))
        .containsEntry("rates", java.util.Arrays.asList(97.5, null));
  }

  private InspectionDesk desk() {
    return new InspectionDesk(
        RestClient.create(),
        new ConsoleProperties(
            List.of(new ConsoleProperties.Service(InspectionDesk.SERVICE, URI.create(url()))),
            Duration.ofSeconds(1)));
  }

  private void serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requested.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
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
