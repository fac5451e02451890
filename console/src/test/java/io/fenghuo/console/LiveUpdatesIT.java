package io.fenghuo.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.contracts.alarm.AlarmRaised;
import io.fenghuo.contracts.alarm.AlarmUnitAttached;
import io.fenghuo.contracts.fault.FaultClosed;
import io.fenghuo.contracts.fault.FaultClosure;
import io.fenghuo.contracts.fault.FaultEvent;
import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.fault.FaultKind;
import io.fenghuo.contracts.fault.FaultOpened;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.FireAlarmSource;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.starter.kafka.EventPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

class LiveUpdatesIT extends RunningConsole {

  /** How long a live event may take here (a busy CI machine); speed is the bench's business. */
  static final Duration LIVE = Duration.ofSeconds(20);

  @Autowired EventPublisher publisher;
  @Autowired KafkaListenerEndpointRegistry listeners;

  @BeforeEach
  void listenerHasBothOperatorsTopics() {
    awaitLiveTopics(listeners, "console-live-alarms", Stream.ALARM);
  }

  @Test
  void anAlarmPublishedToKafkaReachesTheOpenStream() throws Exception {
    BlockingQueue<String> lines = open(signIn("op-a-operator"));
    AlarmRaised alarm = aFireAlarmAt(UnitId.of("U-330106-A001"), "3F 东侧走廊 烟感");

    // How fast is the bench's business (bench/run fire-latency); here: that it arrives, whole.
    publish("op-a", alarm);
    String line = awaitLineWith(lines, alarm.alarmId().toString(), LIVE);

    assertThat(line)
        .startsWith("data:")
        .contains("tone-fire")
        .contains("新火警")
        .contains("U-330106-A001")
        .contains("3F 东侧走廊 烟感")
        .contains("data-alert=\"true\"");
  }

  @Test
  void anotherOperatorsAlarmNeverReachesTheStream() throws Exception {
    BlockingQueue<String> opA = open(signIn("op-a-operator"));
    BlockingQueue<String> supervision = open(signIn("supervision"));
    AlarmRaised ofOpB = aFireAlarmAt(UnitId.of("U-330106-B001"), "B");
    AlarmRaised ofOpA = aFireAlarmAt(UnitId.of("U-330106-A001"), "A");

    publish("op-b", ofOpB);
    publish("op-a", ofOpA);

    // Region-wide supervision sees both, so both events were delivered to the console.
    awaitLineWith(supervision, ofOpB.alarmId().toString(), LIVE);
    awaitLineWith(supervision, ofOpA.alarmId().toString(), LIVE);
    awaitLineWith(opA, ofOpA.alarmId().toString(), LIVE);
    Thread.sleep(300);
    assertThat(opA).noneMatch(l -> l.contains(ofOpB.alarmId().toString()));
  }

  @Test
  void everyAlarmEventTellsOnlyTheTenantsPagesToRefreshTheQueue() throws Exception {
    BlockingQueue<String> opA = open(signIn("op-a-operator"));
    BlockingQueue<String> opB = open(signIn("op-b-operator"));
    AlarmRaised ofOpA = aFireAlarmAt(UnitId.of("U-330106-A001"), "A");
    AlarmRaised ofOpB = aFireAlarmAt(UnitId.of("U-330106-B001"), "B");

    publish("op-a", ofOpA);
    publish("op-b", ofOpB);

    awaitChange(opA, ofOpA.alarmId().toString());
    awaitChange(opB, ofOpB.alarmId().toString());
    Thread.sleep(300);
    assertThat(opA).noneMatch(l -> l.contains(ofOpB.alarmId().toString()));
    assertThat(opB).noneMatch(l -> l.contains(ofOpA.alarmId().toString()));
  }

  @Test
  void aUnitAttachedLateIsNewsForTheUnitsManagerAndAQuietRefreshForTheOperators() throws Exception {
    BlockingQueue<String> opA = open(signIn("op-a-operator"));
    BlockingQueue<String> unitManager = open(signIn("unit-manager")); // U-330106-A001
    AlarmUnitAttached attached =
        new AlarmUnitAttached(
            AlarmId.random(),
            UnitId.of("U-330106-A001"),
            DeviceAddress.of("0140609623b2"),
            "西湖区人民医院",
            AlarmCategory.FIRE,
            PointRef.component(1, 1, 40, 1203),
            "住院楼 3F 东侧走廊",
            Instant.now().minusSeconds(4),
            false,
            Instant.now());
    OperatorId op = OperatorId.of("op-a");

    publisher
        .publish(TopicNames.of(op, Stream.ALARM), publisher.envelope(op, Instant.now(), attached))
        .get(5, TimeUnit.SECONDS);

    // The manager never saw the alarm raised (it had no unit then): a new fire, with its sound.
    String line = awaitLineWith(unitManager, attached.alarmId().toString(), LIVE);
    assertThat(line).contains("新火警").contains("住院楼 3F 东侧走廊").contains("data-alert=\"true\"");
    // The operators saw it raised: their queue refreshes, no second alert.
    java.util.List<String> seen = awaitChange(opA, attached.alarmId().toString());
    assertThat(seen).doesNotContain("event:alarm");
  }

  @Test
  void aLifecycleTypeNewerThanTheContractsStillRefreshesTheQueue() throws Exception {
    BlockingQueue<String> opA = open(signIn("op-a-operator"));
    BlockingQueue<String> opB = open(signIn("op-b-operator"));
    String alarmId = java.util.UUID.randomUUID().toString();

    // What the alarm-service publishes when a seat claims (alarm-api.md); not in contracts yet.
    publishRaw(
        "op-a",
        "fenghuo.alarm.claimed.v1",
        "{\"alarmId\":\""
            + alarmId
            + "\",\"unit\":\"U-330106-A001\",\"claimedBy\":\"op-a-operator\"}");

    java.util.List<String> seen = awaitChange(opA, alarmId);
    // A refresh only: no feed line (event "alarm") for a step the feed has no words for.
    assertThat(seen).doesNotContain("event:alarm");
    Thread.sleep(300);
    assertThat(opB).noneMatch(l -> l.contains(alarmId));
  }

  @Test
  void aFaultEventRefreshesTheFaultPagesOfItsOperatorAndItsUnitOnly() throws Exception {
    awaitLiveTopics(listeners, "console-live-faults", Stream.FAULT);
    BlockingQueue<String> opA = open(signIn("op-a-operator"));
    BlockingQueue<String> opB = open(signIn("op-b-operator"));
    BlockingQueue<String> unitManager = open(signIn("unit-manager")); // U-330106-A001
    FaultOpened ofUnit = aFaultOpened(UnitId.of("U-330106-A001"));
    FaultOpened ofOpB = aFaultOpened(UnitId.of("U-330106-B009"));

    publishFault("op-a", ofUnit);
    publishFault("op-b", ofOpB);

    awaitEvent(opA, "fault-changed", ofUnit.faultId().toString());
    awaitEvent(unitManager, "fault-changed", ofUnit.faultId().toString());
    awaitEvent(opB, "fault-changed", ofOpB.faultId().toString());
    Thread.sleep(300);
    assertThat(opA).noneMatch(l -> l.contains(ofOpB.faultId().toString()));
    assertThat(unitManager).noneMatch(l -> l.contains(ofOpB.faultId().toString()));
    assertThat(opB).noneMatch(l -> l.contains(ofUnit.faultId().toString()));
    // A fault event is a refresh, never a feed line that sounds.
    assertThat(opA).noneMatch(l -> l.equals("event:alarm"));
  }

  @Test
  void aMaintenanceCompanyHearsOfItsOwnWorkOrdersOfEveryOperatorOnly() throws Exception {
    awaitLiveTopics(listeners, "console-live-faults", Stream.FAULT);
    BlockingQueue<String> company = open(signIn("maintenance")); // 浙江众安消防技术服务有限公司
    FaultOpened ofOpA = aFaultOpened(UnitId.of("U-330106-A001"), "浙江众安消防技术服务有限公司");
    FaultOpened ofOpB = aFaultOpened(UnitId.of("U-330106-B009"), "浙江众安消防技术服务有限公司");
    FaultOpened ofAnother = aFaultOpened(UnitId.of("U-330106-A002"), "杭州另一家维保有限公司");
    AlarmRaised alarm = aFireAlarmAt(UnitId.of("U-330106-A001"), "A");

    publishFault("op-a", ofAnother);
    publish("op-a", alarm);
    publishFault("op-a", ofOpA);
    publishFault("op-b", ofOpB);
    awaitEvent(company, "fault-changed", ofOpA.faultId().toString());
    awaitEvent(company, "fault-changed", ofOpB.faultId().toString());
    // The closing event names the company of the work order too.
    FaultClosed closed =
        new FaultClosed(
            ofOpA.faultId(),
            ofOpA.unit(),
            ofOpA.kind(),
            FaultClosure.RECOVERY_SIGNAL,
            ofOpA.openedAt(),
            null,
            Instant.now(),
            "signal-" + System.nanoTime(),
            ofOpA.assignedCompany());
    publishFault("op-a", closed);
    awaitEvent(company, "fault-changed", ofOpA.faultId().toString());

    Thread.sleep(300);
    assertThat(company).noneMatch(l -> l.contains(ofAnother.faultId().toString()));
    assertThat(company).noneMatch(l -> l.contains(alarm.alarmId().toString()));
  }

  @Test
  void theFirstAlarmAndFaultOnAnOperatorsTopicsCreatedAfterTheStartAreNotLost() throws Exception {
    awaitLiveTopics(listeners, "console-live-faults", Stream.FAULT);
    BlockingQueue<String> supervision = open(signIn("supervision"));
    String operator = "op-new-" + (System.nanoTime() % 100_000);
    for (Stream stream : java.util.List.of(Stream.FAULT, Stream.ALARM)) {
      io.fenghuo.testkit.TestInfrastructure.kafka()
          .createTopic(
              TopicNames.of(OperatorId.of(operator), stream).toString(), 1, java.util.Map.of());
    }
    FaultOpened fault = aFaultOpened(UnitId.of("U-330106-N001"));
    AlarmRaised alarm = aFireAlarmAt(UnitId.of("U-330106-N001"), "新运营机构的第一起火警");

    // Published at once: the console finds the topics only at its next metadata refresh.
    publishFault(operator, fault);
    publish(operator, alarm);

    // The two listeners deliver in any order.
    java.util.List<String> wanted =
        java.util.List.of("data:" + fault.faultId(), "data:" + alarm.alarmId());
    java.util.List<String> seen = new java.util.ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!seen.containsAll(wanted) && System.nanoTime() < deadline) {
      String line = supervision.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line != null) {
        seen.add(line);
      }
    }
    assertThat(seen).containsSubsequence("event:fault-changed", "data:" + fault.faultId());
    assertThat(seen).containsSubsequence("event:alarm-changed", "data:" + alarm.alarmId());
  }

  @Test
  void theStreamNeedsASignedInUser() {
    HttpResponse<java.util.stream.Stream<String>> anonymous =
        new Browserless(stack.consoleUrl()).stream("/live/alarms");
    assertThat(anonymous.uri().getPath()).isNotEqualTo("/live/alarms");
    anonymous.body().close();
  }

  private void publish(String operator, AlarmRaised alarm) throws Exception {
    OperatorId op = OperatorId.of(operator);
    publisher
        .publish(TopicNames.of(op, Stream.ALARM), publisher.envelope(op, Instant.now(), alarm))
        .get(5, TimeUnit.SECONDS);
  }

  private static void publishRaw(String operator, String type, String json) throws Exception {
    java.util.Map<String, Object> config =
        java.util.Map.of(
            "bootstrap.servers", io.fenghuo.testkit.TestInfrastructure.kafka().bootstrapServers(),
            "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
            "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    try (var producer =
        new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(config)) {
      var record =
          new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(
              TopicNames.of(OperatorId.of(operator), Stream.ALARM).toString(),
              null,
              json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      record.headers().add("ce_specversion", "1.0".getBytes());
      record.headers().add("ce_id", java.util.UUID.randomUUID().toString().getBytes());
      record.headers().add("ce_source", "/fenghuo/alarm-service/test".getBytes());
      record.headers().add("ce_type", type.getBytes());
      record.headers().add("ce_time", Instant.now().toString().getBytes());
      record.headers().add("content-type", "application/json".getBytes());
      producer.send(record).get(5, TimeUnit.SECONDS);
    }
  }

  static FaultOpened aFaultOpened(UnitId unit) {
    return aFaultOpened(unit, "浙江安消维保有限公司");
  }

  static FaultOpened aFaultOpened(UnitId unit, String company) {
    return new FaultOpened(
        FaultId.forSignal("signal-" + System.nanoTime(), FaultKind.POINT_FAULT),
        unit,
        DeviceAddress.of("0140609623b2"),
        FaultKind.POINT_FAULT,
        PointRef.component(1, 1, 40, 1203),
        "住院楼 3F 东侧走廊",
        "点型感烟火灾探测器",
        company,
        Instant.now(),
        "signal-" + System.nanoTime());
  }

  private void publishFault(String operator, FaultEvent fault) throws Exception {
    OperatorId op = OperatorId.of(operator);
    publisher
        .publish(TopicNames.of(op, Stream.FAULT), publisher.envelope(op, Instant.now(), fault))
        .get(5, TimeUnit.SECONDS);
  }

  /** Waits for the queue refresh signal of this alarm: {@code event:alarm-changed}, data = id. */
  private static java.util.List<String> awaitChange(BlockingQueue<String> lines, String alarmId)
      throws InterruptedException {
    return awaitEvent(lines, "alarm-changed", alarmId);
  }

  private static java.util.List<String> awaitEvent(
      BlockingQueue<String> lines, String event, String id) throws InterruptedException {
    return awaitEvent(lines, event, id, LIVE);
  }

  /** Waits for the SSE event of this name whose data is this id. */
  private static java.util.List<String> awaitEvent(
      BlockingQueue<String> lines, String event, String alarmId, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    java.util.List<String> seen = new java.util.ArrayList<>();
    String previous = "";
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        break;
      }
      seen.add(line);
      if (previous.equals("event:" + event) && line.equals("data:" + alarmId)) {
        return seen;
      }
      previous = line;
    }
    throw new AssertionError("no " + event + " for " + alarmId);
  }

  static AlarmRaised aFireAlarmAt(UnitId unit, String location) {
    return new AlarmRaised(
        AlarmId.random(),
        unit,
        DeviceAddress.of("0140609623b2"),
        FireAlarmSource.COMPONENT_STATE,
        PointRef.component(1, 1, 40, 1203),
        location,
        Instant.now(),
        "signal-" + System.nanoTime(),
        AlarmCategory.FIRE,
        false,
        false,
        null);
  }

  private static BlockingQueue<String> open(Browserless browser) throws InterruptedException {
    HttpResponse<java.util.stream.Stream<String>> response = browser.stream("/live/alarms");
    assertThat(response.statusCode()).isEqualTo(200);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
    reader.setDaemon(true);
    reader.start();
    // The stream says it is connected before any event.
    assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo(":connected");
    return lines;
  }

  private static String awaitLineWith(BlockingQueue<String> lines, String text, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line != null && line.startsWith("data:") && line.contains(text)) {
        return line;
      }
    }
    throw new AssertionError("no line with " + text + " within " + within);
  }
}
