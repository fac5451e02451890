package io.fenghuo.dispatch;

import static io.fenghuo.dispatch.support.Fires.aConfirmedFire;
import static io.fenghuo.dispatch.support.Fires.aFalseAlarmDismissal;
import static io.fenghuo.dispatch.support.Fires.alarmsOf;
import static io.fenghuo.dispatch.support.Fires.anUnconfirmedForward;
import static io.fenghuo.dispatch.support.Fires.dispatchOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.alarm.DismissalVerdict;
import io.fenghuo.contracts.dispatch.ForwardPath;
import io.fenghuo.contracts.dispatch.IncidentForwarded;
import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.contracts.dispatch.IncidentReported;
import io.fenghuo.contracts.dispatch.IncidentUnacknowledged;
import io.fenghuo.contracts.dispatch.IncidentWithdrawn;
import io.fenghuo.contracts.dispatch.ReceiptIssued;
import io.fenghuo.contracts.dispatch.ReceiptReceived;
import io.fenghuo.contracts.dispatch.ReceiptStatus;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.dispatch.support.Bus;
import io.fenghuo.dispatch.support.RunningService;
import io.fenghuo.testkit.Api;
import io.fenghuo.testkit.Schemas;
import io.fenghuo.testkit.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The golden path and its failure branches, end to end over the real broker and database. */
class IncidentFlowIT extends RunningService {

  private static final String INCIDENTS = TopicNames.of(Stream.INCIDENT).toString();
  private static final String RECEIPTS = TopicNames.of(Stream.RECEIPT).toString();

  @Test
  void aConfirmedAlarmBecomesASchemaValidIncidentAndTheAcknowledgementReachesTheOperator() {
    AlarmId alarm = AlarmId.random();
    AlarmConfirmed confirmed = aConfirmedFire(alarm);
    IncidentId incident = IncidentId.forAlarm(alarm);

    Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), confirmed);

    var sent =
        Bus.records(INCIDENTS, incident.toString(), l -> !l.isEmpty(), Duration.ofSeconds(30));
    assertThat(sent).isNotEmpty();
    IncidentReported reported = (IncidentReported) sent.get(0).value().data();
    assertThat(Schemas.errors(EventType.INCIDENT_REPORTED, reported)).isEmpty();
    assertThat(reported.incidentId()).isEqualTo(incident);
    assertThat(reported.revision()).isEqualTo(1);
    assertThat(reported.attempt()).isEqualTo(1);
    assertThat(reported.confirmed()).isTrue();
    assertThat(reported.operatorId()).isEqualTo(OperatorId.of("op-a"));
    assertThat(reported.alarmId()).isEqualTo(alarm);
    assertThat(reported.unit()).isEqualTo(confirmed.unit());
    assertThat(reported.firstAlertAt()).isEqualTo(confirmed.firstAlertAt());
    assertThat(reported.confirmedAt()).isEqualTo(confirmed.confirmedAt());
    assertThat(reported.confirmedBy()).isEqualTo(confirmed.confirmedBy());
    assertThat(reported.method()).isEqualTo(confirmed.method());
    assertThat(reported.notes()).isEqualTo(confirmed.notes());
    assertThat(reported.report()).isEqualTo(confirmed.report());
    assertThat(sent.get(0).value().operator()).isEqualTo(OperatorId.of("op-a"));

    var ack =
        api.post(
            "/api/incidents/" + incident + "/acknowledge",
            Tokens.dispatcher119(),
            Map.of("note", "已接警"));
    assertThat(ack.status()).isEqualTo(202);

    var receipts =
        Bus.records(RECEIPTS, incident.toString(), l -> !l.isEmpty(), Duration.ofSeconds(20));
    ReceiptIssued receipt = (ReceiptIssued) receipts.get(0).value().data();
    assertThat(receipt.status()).isEqualTo(ReceiptStatus.ACKNOWLEDGED);
    assertThat(receipt.dispatcher()).isEqualTo("dispatcher-1");
    assertThat(Schemas.errors(EventType.RECEIPT_ISSUED, receipt)).isEmpty();

    var operatorSide =
        Bus.data(
            Bus.records(
                dispatchOf("op-a"),
                alarm.toString(),
                l -> Bus.data(l).stream().anyMatch(ReceiptReceived.class::isInstance),
                Duration.ofSeconds(20)));
    assertThat(operatorSide).anySatisfy(e -> assertThat(e).isInstanceOf(IncidentForwarded.class));
    ReceiptReceived received =
        (ReceiptReceived)
            operatorSide.stream()
                .filter(ReceiptReceived.class::isInstance)
                .findFirst()
                .orElseThrow();
    assertThat(received.incidentId()).isEqualTo(incident);
    assertThat(received.dispatcher()).isEqualTo("dispatcher-1");
    assertThat(received.note()).isEqualTo("已接警");
    assertThat(received.publishToReceiptMillis()).isNotNull();
    operatorSide.forEach(e -> assertThat(Schemas.errors(EventType.of(e), e)).isEmpty());

    JsonNode detail = api.get("/api/incidents/" + incident, Tokens.operator("op-a")).body();
    assertThat(detail.at("/incident/status").asString()).isEqualTo("ACKNOWLEDGED");
    assertThat(detail.at("/incident/acknowledgedAt").isMissingNode()).isFalse();
    assertThat(detail.at("/incident/confirmToPublishMillis").isNumber()).isTrue();
    assertThat(kinds(detail))
        .containsSubsequence(
            "ALARM_CONFIRMED", "QUEUED", "FORWARDED", "TERMINAL_ACTION", "RECEIPT");
  }

  @Test
  void aNewOperatorsAlarmTopicIsPickedUpWithoutRestart() {
    String operator = "op-new-" + System.nanoTime() % 100000;
    AlarmId alarm = AlarmId.random();

    Bus.publish(alarmsOf(operator), OperatorId.of(operator), aConfirmedFire(alarm));

    var sent =
        Bus.records(
            INCIDENTS,
            IncidentId.forAlarm(alarm).toString(),
            l -> !l.isEmpty(),
            Duration.ofSeconds(40));
    assertThat(sent).hasSizeGreaterThanOrEqualTo(1);
    assertThat(((IncidentReported) sent.get(0).value().data()).operatorId().value())
        .isEqualTo(operator);
  }

  @Test
  void anUnconfirmedForwardThenAConfirmationIsOneIncidentRepublishedAsConfirmed() {
    AlarmId alarm = AlarmId.random();
    IncidentId incident = IncidentId.forAlarm(alarm);

    Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), anUnconfirmedForward(alarm));
    var first =
        Bus.records(INCIDENTS, incident.toString(), l -> !l.isEmpty(), Duration.ofSeconds(30));
    IncidentReported unconfirmed = (IncidentReported) first.get(0).value().data();
    assertThat(unconfirmed.confirmed()).isFalse();
    assertThat(unconfirmed.unconfirmedReason()).isNotNull();
    assertThat(Schemas.errors(EventType.INCIDENT_REPORTED, unconfirmed)).isEmpty();

    Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), aConfirmedFire(alarm));

    var all =
        Bus.records(
            INCIDENTS,
            incident.toString(),
            l -> reports(l).stream().anyMatch(IncidentReported::confirmed),
            Duration.ofSeconds(30));
    IncidentReported upgraded =
        reports(all).stream().filter(IncidentReported::confirmed).findFirst().orElseThrow();
    assertThat(upgraded.revision()).isEqualTo(2);
    assertThat(upgraded.attempt()).isEqualTo(1);
    assertThat(upgraded.confirmedAt()).isNotNull();
    assertThat(upgraded.unconfirmedReason()).isNull();
    assertThat(
            api.get("/api/incidents?view=history&q=西湖文化广场&size=200", Tokens.admin())
                .body()
                .get("items"))
        .filteredOn(i -> i.get("alarmId").asString().equals(alarm.toString()))
        .hasSize(1);
  }

  @Test
  void anUnconfirmedForwardDismissedAsAFalseAlarmIsWithdrawnAt119() {
    AlarmId alarm = AlarmId.random();
    IncidentId incident = IncidentId.forAlarm(alarm);
    Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), anUnconfirmedForward(alarm));
    Bus.records(INCIDENTS, incident.toString(), l -> !l.isEmpty(), Duration.ofSeconds(30));

    Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), aFalseAlarmDismissal(alarm));

    var all =
        Bus.records(
            INCIDENTS,
            incident.toString(),
            l -> Bus.data(l).stream().anyMatch(IncidentWithdrawn.class::isInstance),
            Duration.ofSeconds(30));
    IncidentWithdrawn withdrawn =
        (IncidentWithdrawn)
            Bus.data(all).stream()
                .filter(IncidentWithdrawn.class::isInstance)
                .findFirst()
                .orElseThrow();
    assertThat(withdrawn.revision()).isEqualTo(2);
    assertThat(withdrawn.verdict()).isEqualTo(DismissalVerdict.FALSE_ALARM);
    assertThat(withdrawn.reason()).contains("DUST");
    assertThat(Schemas.errors(EventType.INCIDENT_WITHDRAWN, withdrawn)).isEmpty();
    JsonNode detail = api.get("/api/incidents/" + incident, Tokens.operator("op-a")).body();
    assertThat(detail.at("/incident/status").asString()).isEqualTo("WITHDRAWN");
    assertThat(kinds(detail)).containsSubsequence("ALARM_FORWARDED_UNCONFIRMED", "WITHDRAWN");
    assertThat(ids(api.get("/api/incidents?view=live&size=200", Tokens.admin()).body()))
        .doesNotContain(incident.toString());
  }

  @Test
  void aDismissalOfAnAlarmThatNeverWentTo119CreatesNothing() {
    AlarmId alarm = AlarmId.random();
    Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), aFalseAlarmDismissal(alarm));
    // A later confirmation of another alarm on the same partition shows the dismissal was consumed.
    AlarmId later = AlarmId.random();
    Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), aConfirmedFire(later));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                api.get("/api/incidents/" + IncidentId.forAlarm(later), Tokens.admin()).status()
                    == 200);

    assertThat(api.get("/api/incidents/" + IncidentId.forAlarm(alarm), Tokens.admin()).status())
        .isEqualTo(404);
  }

  @Test
  void aRedeliveredConfirmationChangesNothing() {
    AlarmId alarm = AlarmId.random();
    IncidentId incident = IncidentId.forAlarm(alarm);
    AlarmConfirmed confirmed = aConfirmedFire(alarm);

    String eventId = Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), confirmed);
    Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), confirmed, eventId);
    // A second confirmation under another event id (an alarm-service retry) is recorded, not sent.
    Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), confirmed);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                kinds(api.get("/api/incidents/" + incident, Tokens.admin()).body())
                    .contains("IGNORED"));

    var sent = Bus.records(INCIDENTS, incident.toString(), l -> false, Duration.ofSeconds(4));
    assertThat(reports(sent)).extracting(IncidentReported::revision).containsOnly(1);
    assertThat(reports(sent)).filteredOn(r -> r.attempt() == 1).hasSize(1);
    assertThat(kinds(api.get("/api/incidents/" + incident, Tokens.admin()).body()))
        .containsOnlyOnce("ALARM_CONFIRMED");
  }

  @Test
  void withoutAReceiptTheIncidentIsResentThenTheOperatorIsToldToCall119() {
    AlarmId alarm = AlarmId.random();
    IncidentId incident = IncidentId.forAlarm(alarm);

    Bus.publish(alarmsOf("op-b"), OperatorId.of("op-b"), aConfirmedFire(alarm));

    var sent =
        Bus.records(
            INCIDENTS,
            incident.toString(),
            l -> reports(l).stream().anyMatch(r -> r.attempt() == 2),
            Duration.ofSeconds(30));
    assertThat(reports(sent)).extracting(IncidentReported::attempt).startsWith(1, 2);

    var operatorSide =
        Bus.data(
            Bus.records(
                dispatchOf("op-b"),
                alarm.toString(),
                l -> Bus.data(l).stream().anyMatch(IncidentUnacknowledged.class::isInstance),
                Duration.ofSeconds(30)));
    IncidentUnacknowledged escalation =
        (IncidentUnacknowledged)
            operatorSide.stream()
                .filter(IncidentUnacknowledged.class::isInstance)
                .findFirst()
                .orElseThrow();
    assertThat(escalation.centrePhone()).isEqualTo("0571-119");
    assertThat(escalation.message()).contains("call 0571-119 now");
    assertThat(escalation.attempts()).isEqualTo(2);
    assertThat(Schemas.errors(EventType.INCIDENT_UNACKNOWLEDGED, escalation)).isEmpty();

    JsonNode detail = api.get("/api/incidents/" + incident, Tokens.operator("op-b")).body();
    assertThat(detail.at("/incident/escalatedAt").isMissingNode()).isFalse();
    assertThat(kinds(detail)).containsSubsequence("QUEUED", "RESENT", "ESCALATED");
    assertThat(
            api.get("/api/incidents?escalated=true&size=200", Tokens.operator("op-b"))
                .body()
                .get("items"))
        .anySatisfy(i -> assertThat(i.get("id").asString()).isEqualTo(incident.toString()));
  }

  @Test
  void theWebhookPathGetsSignedIncidentsAndRetriesAfterA500() {
    AlarmId alarm = AlarmId.random();
    IncidentId incident = IncidentId.forAlarm(alarm);
    WEBHOOK.failNext(incident.toString(), 2);

    Bus.publish(alarmsOf("op-a"), OperatorId.of("op-a"), aConfirmedFire(alarm));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                WEBHOOK.receivedFor(incident.toString()).stream()
                    .anyMatch(r -> r.answered() == 204));
    var requests = WEBHOOK.receivedFor(incident.toString());
    assertThat(requests).extracting(r -> r.answered()).startsWith(500, 500, 204);
    assertThat(requests).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
    assertThat(requests.get(0).type()).isEqualTo(EventType.INCIDENT_REPORTED.wireName());
    assertThat(Api.JSON.readTree(requests.get(0).body()).get("incidentId").asString())
        .isEqualTo(incident.toString());

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode detail = api.get("/api/incidents/" + incident, Tokens.admin()).body();
              assertThat(timeline(detail))
                  .anySatisfy(
                      e -> {
                        assertThat(e.get("kind").asString()).isEqualTo("FORWARDED");
                        assertThat(e.get("path").asString()).isEqualTo("WEBHOOK");
                        assertThat(e.get("detail").asString()).contains("3 attempt(s)");
                      });
              assertThat(timeline(detail))
                  .anySatisfy(
                      e -> {
                        assertThat(e.get("kind").asString()).isEqualTo("FORWARDED");
                        assertThat(e.get("path").asString()).isEqualTo("KAFKA");
                      });
            });
    var forwards =
        Bus.data(
            Bus.records(
                dispatchOf("op-a"),
                alarm.toString(),
                l ->
                    Bus.data(l).stream()
                        .anyMatch(
                            e ->
                                e instanceof IncidentForwarded f
                                    && f.path() == ForwardPath.WEBHOOK),
                Duration.ofSeconds(20)));
    assertThat(forwards)
        .filteredOn(IncidentForwarded.class::isInstance)
        .extracting(e -> ((IncidentForwarded) e).path())
        .contains(ForwardPath.KAFKA, ForwardPath.WEBHOOK);
  }

  @Test
  void aCommunicationTestWithoutAnAnswerFailsAndIsRecorded() {
    var started = api.post("/api/communication-tests", Tokens.dispatcher119(), Map.of());
    assertThat(started.status()).isEqualTo(202);
    String testId = started.get("id").asString();

    await().atMost(Duration.ofSeconds(30)).until(() -> testStatus(testId).equals("FAILED"));
    JsonNode test = findTest(testId);
    assertThat(test.get("kafkaSentAt")).isNotNull();
    assertThat(test.get("webhookResult").asString()).startsWith("delivered");
    assertThat(test.get("detail").asString()).contains("no receipt");
  }

  @Test
  void aCommunicationTestAnsweredFromTheTerminalPasses() {
    String testId =
        api.post("/api/communication-tests", Tokens.admin(), Map.of()).get("id").asString();

    assertThat(
            api.post(
                    "/api/communication-tests/" + testId + "/acknowledge",
                    Tokens.dispatcher119(),
                    Map.of())
                .status())
        .isEqualTo(202);

    await().atMost(Duration.ofSeconds(20)).until(() -> testStatus(testId).equals("PASSED"));
    assertThat(findTest(testId).get("answeredBy").asString()).isEqualTo("dispatcher-1");
  }

  private String testStatus(String id) {
    JsonNode test = findTest(id);
    return test == null ? "" : test.get("status").asString();
  }

  private JsonNode findTest(String id) {
    JsonNode items =
        api.get("/api/communication-tests?size=200", Tokens.supervision()).body().get("items");
    return StreamSupport.stream(items.spliterator(), false)
        .filter(t -> t.get("id").asString().equals(id))
        .findFirst()
        .orElse(null);
  }

  static List<IncidentReported> reports(
      List<? extends org.apache.kafka.clients.consumer.ConsumerRecord<String, ?>> records) {
    return records.stream()
        .map(r -> ((io.fenghuo.contracts.event.EventEnvelope<?>) r.value()).data())
        .filter(IncidentReported.class::isInstance)
        .map(IncidentReported.class::cast)
        .toList();
  }

  static List<String> ids(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false)
        .map(i -> i.get("id").asString())
        .toList();
  }

  static List<JsonNode> timeline(JsonNode detail) {
    return StreamSupport.stream(detail.get("timeline").spliterator(), false).toList();
  }

  static List<String> kinds(JsonNode detail) {
    if (detail == null || detail.get("timeline") == null) {
      return List.of();
    }
    return timeline(detail).stream().map(e -> e.get("kind").asString()).toList();
  }
}
