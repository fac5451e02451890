package io.fenghuo.inspection;

import static io.fenghuo.inspection.support.Bus.aDevice;
import static io.fenghuo.inspection.support.Bus.aHospital;
import static io.fenghuo.inspection.support.Bus.anOperator;
import static io.fenghuo.inspection.support.Bus.detector;
import static io.fenghuo.inspection.support.Bus.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.signal.StatusChanged;
import io.fenghuo.contracts.signal.StatusSource;
import io.fenghuo.contracts.signal.TelemetryKind;
import io.fenghuo.contracts.signal.TelemetryReported;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.inspection.support.Bus;
import io.fenghuo.inspection.support.RunningService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cheap write path keeps every guarantee of the board, the faults and liveness: an older state
 * delivered late changes nothing (the conditional board write), the next signal sees a changed or
 * moved unit (the device's binding read with its lock, the parsed snapshot by version), and a busy
 * device's row is written once per slack with a deadline never later than the true one.
 */
class WritePathIT extends RunningService {

  private int serial;

  String aUnit(String operator, String unit, DeviceAddress device) {
    Bus.send(Stream.UNIT, envelope(operator, aHospital(unit, device, 1001, 1002)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("select count(*) from device where operator = ?", operator) == 1);
    return unit;
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  /** Sends a unit snapshot and waits until the read model holds it. */
  void apply(String operator, UnitArchiveChanged unit) {
    Bus.send(Stream.UNIT, envelope(operator, unit));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from unit_snapshot where operator = ? and unit_id = ? and"
                            + " version = ?",
                        operator,
                        unit.unitId().value(),
                        unit.version())
                    == 1);
  }

  /** Sends and waits until the service processed it. */
  void process(Stream stream, EventEnvelope<?> e) {
    Bus.send(stream, e);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count("select count(*) from processed_event where event_id = ?", e.id()) == 1);
  }

  StatusChanged state(DeviceAddress device, long component, Instant receivedAt, StateFlag... f) {
    return new StatusChanged(
        device,
        StatusSource.COMPONENT,
        detector(component),
        f.length == 0 ? Set.of() : Set.of(f),
        f.length == 0 ? 1 : 5,
        "感烟 " + component,
        receivedAt,
        receivedAt,
        ++serial);
  }

  List<Map<String, Object>> faults(String operator) {
    return jdbc.sql(
            "select unit_id, location, closed_at, closed_by, object_key from fault where operator"
                + " = ? order by opened_at")
        .param(operator)
        .query()
        .listOfRows();
  }

  @Test
  void anOlderStateDeliveredLateChangesNeitherTheBoardNorTheFaults() {
    String operator = anOperator();
    Bus.createTopics(operator, 1);
    DeviceAddress device = aDevice();
    aUnit(operator, "U-" + operator, device);
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String point = "select flags from point_state where operator = ? and object_key like 'C:%'";

    process(Stream.SIGNAL_STATUS, envelope(operator, state(device, 1001, t)));
    // A fault state received before the normal one, delivered after it: nothing.
    process(
        Stream.SIGNAL_STATUS,
        envelope(operator, state(device, 1001, t.minusSeconds(5), StateFlag.FAULT)));
    assertThat(jdbc.sql(point).param(operator).query(String.class).single()).isEmpty();
    assertThat(count("select count(*) from status_history where operator = ?", operator))
        .isEqualTo(1);
    assertThat(faults(operator)).isEmpty();

    // A newer fault opens; an older normal state delivered late does not close it.
    process(
        Stream.SIGNAL_STATUS,
        envelope(operator, state(device, 1001, t.plusSeconds(1), StateFlag.FAULT)));
    process(Stream.SIGNAL_STATUS, envelope(operator, state(device, 1001, t.plusMillis(500))));
    assertThat(jdbc.sql(point).param(operator).query(String.class).single()).isEqualTo("FAULT");
    assertThat(faults(operator))
        .singleElement()
        .satisfies(f -> assertThat(f.get("closed_at")).isNull());
    assertThat(count("select count(*) from status_history where operator = ?", operator))
        .isEqualTo(2);

    // The same state once more (a retransmission with a new id): still one record.
    process(
        Stream.SIGNAL_STATUS,
        envelope(operator, state(device, 1001, t.plusSeconds(2), StateFlag.FAULT)));
    assertThat(faults(operator)).hasSize(1);

    // A newer normal state closes it.
    process(Stream.SIGNAL_STATUS, envelope(operator, state(device, 1001, t.plusSeconds(3))));
    assertThat(faults(operator))
        .singleElement()
        .satisfies(f -> assertThat(f.get("closed_by")).isEqualTo("RECOVERY_SIGNAL"));
  }

  @Test
  void theNextSignalSeesTheUnitsNewVersionAndADeviceMovedToAnotherUnit() {
    String operator = anOperator();
    Bus.createTopics(operator, 1);
    DeviceAddress device = aDevice();
    String unitA = aUnit(operator, "UA-" + operator, device);
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    process(Stream.SIGNAL_STATUS, envelope(operator, state(device, 1001, t, StateFlag.FAULT)));
    process(Stream.SIGNAL_STATUS, envelope(operator, state(device, 1001, t.plusMillis(10))));
    assertThat(faults(operator).get(0).get("location")).isEqualTo("3层东侧走廊 1001");

    // Version 2 of the unit renames the point's location: the next fault carries the new text.
    UnitArchiveChanged v1 = aHospital(unitA, device, 1001, 1002);
    UnitArchiveChanged v2 =
        version(
            v1,
            2,
            v1.devices(),
            List.of(
                new UnitArchiveChanged.PointLocation(
                    device, detector(1001), "5层西侧楼梯间", "B1", 5, "5F")));
    apply(operator, v2);
    process(
        Stream.SIGNAL_STATUS,
        envelope(operator, state(device, 1001, t.plusMillis(20), StateFlag.FAULT)));
    assertThat(faults(operator)).hasSize(2);
    assertThat(faults(operator).get(1).get("location")).isEqualTo("5层西侧楼梯间");
    assertThat(faults(operator).get(1).get("unit_id")).isEqualTo(unitA);

    // The device moves to unit B: unit A's version 3 no longer lists it, B's version 1 does.
    apply(operator, version(v1, 3, List.of(), List.of()));
    String unitB = "UB-" + operator;
    UnitArchiveChanged b = aHospital(unitB, device, 1002);
    apply(operator, b);
    process(
        Stream.SIGNAL_STATUS,
        envelope(operator, state(device, 1002, t.plusMillis(30), StateFlag.FAULT)));
    List<Map<String, Object>> faults = faults(operator);
    assertThat(faults).hasSize(3);
    assertThat(faults.get(2).get("unit_id")).isEqualTo(unitB);
    assertThat(
            jdbc.sql("select unit_id from device where operator = ? and device = ?")
                .params(operator, device.toString())
                .query(String.class)
                .single())
        .isEqualTo(unitB);
  }

  @Test
  void aBusyDevicesRowIsWrittenOncePerSlackWithItsDeadlineNeverLaterThanTheTrueOne() {
    String operator = anOperator();
    Bus.createTopics(operator, 1);
    DeviceAddress device = aDevice();
    aUnit(operator, "U-" + operator, device);
    // Default policy: window 3 min + tolerance 1 min; the slack is 3 min / 20 = 9 s.
    Instant t0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
    String row =
        "select last_seen_at, offline_due_at, liveness from device where operator = ? and device"
            + " = ?";

    process(Stream.SIGNAL_TELEMETRY, envelope(operator, heartbeat(device, t0)));
    Map<String, Object> first =
        jdbc.sql(row).params(operator, device.toString()).query().singleRow();
    assertThat(first.get("liveness")).isEqualTo("ONLINE");
    assertThat(instant(first.get("last_seen_at"))).isEqualTo(t0);
    assertThat(instant(first.get("offline_due_at"))).isEqualTo(t0.plus(Duration.ofMinutes(4)));

    // 2 s later: not written; the stored deadline is 2 s earlier than the true one.
    process(Stream.SIGNAL_TELEMETRY, envelope(operator, heartbeat(device, t0.plusSeconds(2))));
    Map<String, Object> second =
        jdbc.sql(row).params(operator, device.toString()).query().singleRow();
    assertThat(instant(second.get("last_seen_at"))).isEqualTo(t0);
    assertThat(instant(second.get("offline_due_at"))).isEqualTo(t0.plus(Duration.ofMinutes(4)));

    // 10 s after the stored one: written.
    Instant t10 = t0.plusSeconds(10);
    process(Stream.SIGNAL_TELEMETRY, envelope(operator, heartbeat(device, t10)));
    Map<String, Object> third =
        jdbc.sql(row).params(operator, device.toString()).query().singleRow();
    assertThat(instant(third.get("last_seen_at"))).isEqualTo(t10);
    assertThat(instant(third.get("offline_due_at"))).isEqualTo(t10.plus(Duration.ofMinutes(4)));
  }

  TelemetryReported heartbeat(DeviceAddress device, Instant receivedAt) {
    return new TelemetryReported(
        device, TelemetryKind.HEARTBEAT, null, null, null, null, null, receivedAt, ++serial);
  }

  static Instant instant(Object timestamp) {
    return ((java.sql.Timestamp) timestamp).toInstant();
  }

  static UnitArchiveChanged version(
      UnitArchiveChanged u,
      long version,
      List<UnitArchiveChanged.DeviceBinding> devices,
      List<UnitArchiveChanged.PointLocation> points) {
    return new UnitArchiveChanged(
        u.unitId(),
        version,
        Instant.now(),
        u.name(),
        u.creditCode(),
        u.category(),
        u.districtCode(),
        u.address(),
        u.coordinates(),
        u.phone(),
        u.controlRoomPhone(),
        u.safetyResponsible(),
        u.safetyManager(),
        u.contacts(),
        u.operatorContract(),
        u.maintenance(),
        u.buildings(),
        devices,
        devices.isEmpty() ? List.of() : u.systems(),
        points);
  }
}
