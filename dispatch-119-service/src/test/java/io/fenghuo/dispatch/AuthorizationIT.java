package io.fenghuo.dispatch;

import static io.fenghuo.dispatch.support.Fires.aConfirmedFire;
import static io.fenghuo.dispatch.support.Fires.alarmsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.dispatch.support.Bus;
import io.fenghuo.dispatch.support.RunningService;
import io.fenghuo.testkit.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who sees and does what (ADR 0002): tenants never see each other's incidents. */
class AuthorizationIT extends RunningService {

  private IncidentId opA;

  @BeforeEach
  void anIncidentOfOperatorA() {
    AlarmId alarm = AlarmId.random();
    opA = IncidentId.forAlarm(alarm);
    Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), aConfirmedFire(alarm));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.get("/api/incidents/" + opA, Tokens.admin()).status() == 200);
  }

  @Test
  void anotherOperatorGets404AndNeverSeesTheIncidentInAList() {
    var detail = api.get("/api/incidents/" + opA, Tokens.operator("op-b"));
    assertThat(detail.status()).isEqualTo(404);
    assertThat(detail.get("type").asString()).isEqualTo("https://fenghuo.io/problems/not-found");

    for (String view : List.of("live", "history")) {
      JsonNode items =
          api.get("/api/incidents?size=200&view=" + view, Tokens.operatorSupervisor("op-b"))
              .body()
              .get("items");
      assertThat(ids(items)).doesNotContain(opA.toString());
      assertThat(operators(items)).allSatisfy(o -> assertThat(o).isEqualTo("op-b"));
    }
    // Asking for another operator's incidents by filter yields nothing either.
    assertThat(
            api.get("/api/incidents?view=history&operator=op-a", Tokens.operator("op-b"))
                .body()
                .get("total")
                .asLong())
        .isZero();
  }

  @Test
  void theOwnOperatorTheDispatcherSupervisionAndTheAdministratorSeeIt() {
    for (String token :
        List.of(
            Tokens.operator("op-a"),
            Tokens.operatorSupervisor("op-a"),
            Tokens.dispatcher119(),
            Tokens.supervision(),
            Tokens.admin())) {
      assertThat(api.get("/api/incidents/" + opA, token).status()).isEqualTo(200);
      assertThat(ids(api.get("/api/incidents?view=history&size=200", token).body().get("items")))
          .contains(opA.toString());
    }
  }

  @Test
  void onlyTheDispatcherAndTheAdministratorAnswerForTheCentre() {
    for (String token :
        List.of(Tokens.operator("op-a"), Tokens.operatorSupervisor("op-a"), Tokens.supervision())) {
      assertThat(api.post("/api/incidents/" + opA + "/acknowledge", token, Map.of()).status())
          .isEqualTo(403);
      assertThat(
              api.post(
                      "/api/incidents/" + opA + "/progress",
                      token,
                      Map.of("stage", "UNITS_DISPATCHED"))
                  .status())
          .isEqualTo(403);
      assertThat(api.post("/api/communication-tests", token, Map.of()).status()).isEqualTo(403);
    }
    assertThat(
            api.post(
                    "/api/incidents/" + opA + "/progress",
                    Tokens.admin(),
                    Map.of("stage", "ACCEPTED"))
                .status())
        .isEqualTo(202);
  }

  @Test
  void unitManagersOperatorsOnTestsAndAnonymousCallersAreRefused() {
    assertThat(api.get("/api/incidents", Tokens.unitManager("U-330106-0001")).status())
        .isEqualTo(403);
    assertThat(api.get("/api/incidents/" + opA, Tokens.unitManager("U-330106-0001")).status())
        .isEqualTo(403);
    assertThat(api.get("/api/communication-tests", Tokens.operator("op-a")).status())
        .isEqualTo(403);
    assertThat(api.get("/api/incidents", null).status()).isEqualTo(401);
  }

  @Test
  void badInputIsAProblemDetailNamingTheField() {
    var badId = api.get("/api/incidents/not-a-uuid", Tokens.admin());
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.get("errors").get(0).get("field").asString()).isEqualTo("incidentId");

    var badStage =
        api.post(
            "/api/incidents/" + opA + "/progress",
            Tokens.dispatcher119(),
            Map.of("stage", "ACKNOWLEDGED"));
    assertThat(badStage.status()).isEqualTo(400);
    assertThat(badStage.get("errors").get(0).get("field").asString()).isEqualTo("stage");

    assertThat(api.get("/api/incidents?view=sometimes", Tokens.admin()).status()).isEqualTo(400);
    assertThat(api.get("/api/incidents?from=yesterday", Tokens.admin()).status()).isEqualTo(400);
    assertThat(
            api.post(
                    "/api/incidents/" + IncidentId.forAlarm(AlarmId.random()) + "/acknowledge",
                    Tokens.dispatcher119(),
                    Map.of())
                .status())
        .isEqualTo(404);
  }

  private static List<String> ids(JsonNode items) {
    return StreamSupport.stream(items.spliterator(), false)
        .map(i -> i.get("id").asString())
        .toList();
  }

  private static List<String> operators(JsonNode items) {
    return StreamSupport.stream(items.spliterator(), false)
        .map(i -> i.get("operator").asString())
        .toList();
  }
}
