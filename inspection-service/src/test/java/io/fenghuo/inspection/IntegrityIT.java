package io.fenghuo.inspection;

import static io.fenghuo.inspection.support.Bus.aDevice;
import static io.fenghuo.inspection.support.Bus.aHospital;
import static io.fenghuo.inspection.support.Bus.anOperator;
import static io.fenghuo.inspection.support.Bus.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.inspection.support.Bus;
import io.fenghuo.inspection.support.RunningService;
import io.fenghuo.testkit.Tokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The integrity API returns the figures of the hand-computed fixture of {@code IntegrityTest}: a
 * day (Asia/Shanghai) of one unit with four detectors and six fault records, beside a second unit
 * of the same operator with four detectors and no fault.
 *
 * <pre>
 * unit 1: 21 abnormal point-hours of 96 → 75/96 = 0.78125; repairs 1, 4, 5, 6 h → mean 4 h, p90 6 h
 * unit 2: 0 of 96 → 1.0
 * operator and district: 21 of 192 → 171/192 = 0.890625
 * </pre>
 */
class IntegrityIT extends RunningService {

  static final LocalDate DAY = LocalDate.of(2025, 3, 10);
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  Instant at(double hours) {
    return DAY.atStartOfDay(ZONE).toInstant().plus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  void fault(
      String operator,
      DeviceAddress d,
      String unit,
      String kind,
      String key,
      Instant o,
      Instant c) {
    jdbc.sql(
            "insert into fault (id, operator, unit_id, device, kind, object_key, opened_at,"
                + " closed_at, closed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            operator,
            unit,
            d.toString(),
            kind,
            key,
            Timestamp.from(o),
            c == null ? null : Timestamp.from(c),
            c == null ? null : "RECOVERY_SIGNAL")
        .update();
  }

  @Test
  void theFiguresOfTheApiAreThoseOfTheHandComputedFixture() {
    String operator = anOperator();
    Bus.createTopics(operator, 1);
    String unit1 = "U-" + operator + "-1";
    String unit2 = "U-" + operator + "-2";
    DeviceAddress d1 = aDevice();
    DeviceAddress d2 = aDevice();
    Bus.send(
        Stream.UNIT,
        envelope(operator, aHospital(unit1, d1, 1, 2, 3, 4)),
        envelope(operator, aHospital(unit2, d2, 1, 2, 3, 4)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("select count(*) from unit_snapshot where operator = ?")
                        .param(operator)
                        .query(Long.class)
                        .single()
                    == 2);
    fault(operator, d1, unit1, "POINT_FAULT", "C:1:1:40:1", at(2), at(8));
    fault(operator, d1, unit1, "POINT_DISABLED", "C:1:1:40:1", at(6), at(10));
    fault(operator, d1, unit1, "BUS_FAULT", "S:1:1", at(12), at(13));
    fault(operator, d1, unit1, "COMMUNICATION_FAULT", "U", at(22), null);
    fault(operator, d1, unit1, "UITD_POWER_FAULT", "U", at(0), null);
    fault(operator, d1, unit1, "POINT_FAULT", "C:1:1:40:2", at(-4), at(1));
    String day = "?from=" + DAY + "&to=" + DAY;
    String token = Tokens.operator(operator);

    JsonNode u1 = api.get("/api/integrity/units/" + unit1 + day, token).body();
    assertThat(u1.get("integrity").asDouble()).isEqualTo(0.78125);
    assertThat(u1.get("days")).hasSize(1);
    assertThat(u1.get("days").get(0).get("points").asInt()).isEqualTo(4);
    assertThat(u1.get("days").get(0).get("abnormalPointHours").asDouble()).isEqualTo(21.0);
    assertThat(u1.get("repair").get("closed").asInt()).isEqualTo(4);
    assertThat(u1.get("repair").get("meanSeconds").asLong()).isEqualTo(4 * 3600);
    assertThat(u1.get("repair").get("p90Seconds").asLong()).isEqualTo(6 * 3600);
    assertThat(u1.get("openFaults").asInt()).isEqualTo(2);

    assertThat(api.get("/api/integrity/units/" + unit2 + day, token).get("integrity").asDouble())
        .isEqualTo(1.0);
    JsonNode op = api.get("/api/integrity/operators/" + operator + day, token).body();
    assertThat(op.get("integrity").asDouble()).isEqualTo(0.890625);
    assertThat(op.get("days").get(0).get("points").asInt()).isEqualTo(8);

    JsonNode district =
        api.get("/api/integrity/districts/330106" + day, Tokens.operator(operator)).body();
    assertThat(district.get("integrity").asDouble()).isEqualTo(0.890625);

    // A week around the day: the other days are whole, the day keeps its figure.
    JsonNode week =
        api.get(
                "/api/integrity/units/"
                    + unit1
                    + "?from="
                    + DAY.minusDays(3)
                    + "&to="
                    + DAY.plusDays(3),
                token)
            .body();
    assertThat(week.get("days")).hasSize(7);
    assertThat(week.get("days").get(3).get("integrity").asDouble()).isEqualTo(0.78125);
    assertThat(week.get("days").get(0).get("integrity").asDouble()).isEqualTo(1.0);
    assertThat(week.get("days").get(4).get("integrity").asDouble())
        .as("the open communication fault covers the whole next day")
        .isEqualTo(0.0);

    assertThat(api.get("/api/integrity/districts/3301" + day, token).status()).isEqualTo(400);
    assertThat(
            api.get("/api/integrity/units/" + unit1 + "?from=2025-03-10&to=2025-03-01", token)
                .status())
        .isEqualTo(400);
    assertThat(api.get("/api/integrity/operators/" + operator, Tokens.unitManager(unit1)).status())
        .isEqualTo(403);
  }
}
