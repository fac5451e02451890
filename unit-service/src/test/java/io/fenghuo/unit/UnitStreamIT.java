package io.fenghuo.unit;

import static io.fenghuo.unit.support.Fixtures.aDeviceAddress;
import static io.fenghuo.unit.support.Fixtures.aFireAlarmPanel;
import static io.fenghuo.unit.support.Fixtures.aNewUnit;
import static io.fenghuo.unit.support.Fixtures.aProfile;
import static io.fenghuo.unit.support.Fixtures.aUnitId;
import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.testkit.Schemas;
import io.fenghuo.testkit.TestInfrastructure;
import io.fenghuo.testkit.Tokens;
import io.fenghuo.unit.support.RunningService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every committed change reaches the operator's compacted unit topic, once. */
class UnitStreamIT extends RunningService {

  private static int operators;

  @Autowired JdbcClient jdbc;

  @Test
  void aRegisteredUnitReachesItsOperatorsCompactedTopicExactlyOnce() throws Exception {
    String op = freshOperator();
    String id = aUnitId("U-330106");

    api.post("/api/units", Tokens.operator(op), aNewUnit(id, null, "流单位"));

    var records = UnitStreamReader_.read(op, id, 1);
    assertThat(records).hasSize(1);
    EventEnvelope<FenghuoEvent> event = records.get(0).value();
    assertThat(event.type()).isEqualTo(EventType.UNIT_ARCHIVE_CHANGED);
    assertThat(event.operator()).isEqualTo(OperatorId.of(op));
    assertThat(((UnitArchiveChanged) event.data()).version()).isEqualTo(1);
    assertThat(
            new String(
                records.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
        .isEqualTo("fenghuo.unit.archive-changed.v1");
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
      String topic = TopicNames.of(OperatorId.of(op), Stream.UNIT).toString();
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
    assertThat(
            jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theSnapshotCarriesDeviceBindingsAndPointLocationsAndValidatesAgainstItsSchema() {
    String op = freshOperator();
    String token = Tokens.operator(op);
    String id = aUnitId("U-330106");
    String device = aDeviceAddress();
    api.post("/api/units", token, aNewUnit(id, null, "点位流单位"));
    api.put("/api/units/" + id + "/devices/" + device, token, Map.of("model", "FH-UITD-1"));
    String system =
        api.post("/api/units/" + id + "/systems", token, aFireAlarmPanel(device))
            .get("id")
            .asString();
    api.put(
        "/api/units/" + id + "/systems/" + system + "/points",
        token,
        List.of(Map.of("componentAddress", 65539, "componentType", 42, "location", "3层东侧走廊")));

    var records = UnitStreamReader_.read(op, id, 4);

    assertThat(records).hasSize(4);
    UnitArchiveChanged last = (UnitArchiveChanged) records.get(3).value().data();
    assertThat(last.version()).isEqualTo(4);
    assertThat(last.devices()).extracting(d -> d.device().toString()).containsExactly(device);
    assertThat(last.points()).hasSize(1);
    assertThat(last.points().get(0).point().componentAddress()).isEqualTo(65539L);
    assertThat(last.points().get(0).point().systemType()).isEqualTo(1);
    assertThat(last.points().get(0).location()).isEqualTo("3层东侧走廊");
    assertThat(last.contacts()).hasSize(2);
    assertThat(Schemas.errors(EventType.UNIT_ARCHIVE_CHANGED, last)).isEmpty();
  }

  @Test
  void aRemovedUnitLeavesATombstone() {
    String op = freshOperator();
    String token = Tokens.operator(op);
    String id = aUnitId("U-330106");
    api.post("/api/units", token, aNewUnit(id, null, "将被删除"));
    api.put("/api/units/" + id, token, aProfile("将被删除（改）"));

    api.delete("/api/units/" + id, token);

    var records = UnitStreamReader_.read(op, id, 3);
    assertThat(records).hasSize(3);
    assertThat(records.get(2).value()).isNull();
    assertThat(records.get(2).key()).isEqualTo(id);
  }

  @Test
  void aRefusedChangePublishesNothing() {
    String op = freshOperator();
    String token = Tokens.operator(op);
    String id = aUnitId("U-330106");
    api.post("/api/units", token, aNewUnit(id, null, "拒绝变更"));
    var profile = aProfile("");

    api.put("/api/units/" + id, token, profile);

    assertThat(UnitStreamReader_.read(op, id, 1)).hasSize(1);
  }

  private static synchronized String freshOperator() {
    return "st-" + (System.currentTimeMillis() % 100000) + "-" + (++operators);
  }

  /** Reads the operator's unit topic. */
  private static final class UnitStreamReader_ {
    static List<ConsumerRecord<String, EventEnvelope<FenghuoEvent>>> read(
        String op, String key, int atLeast) {
      return io.fenghuo.unit.support.UnitStreamReader.recordsOf(
          TopicNames.of(OperatorId.of(op), Stream.UNIT).toString(), key, atLeast);
    }
  }
}
