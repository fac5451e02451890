package io.fenghuo.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.console.security.ConsoleUser;
import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.alarm.AlarmRaised;
import io.fenghuo.contracts.alarm.AlarmUnitAttached;
import io.fenghuo.contracts.alarm.ConfirmationMethod;
import io.fenghuo.contracts.alarm.FireReport;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.FireAlarmSource;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveScopeTest {

  static final OperatorId OP_A = OperatorId.of("op-a");
  static final OperatorId OP_B = OperatorId.of("op-b");
  static final UnitId HOSPITAL = UnitId.of("U-330106-A001");

  static final AlarmRaised RAISED =
      new AlarmRaised(
          AlarmId.random(),
          HOSPITAL,
          DeviceAddress.of("0140609623b2"),
          FireAlarmSource.COMPONENT_STATE,
          null,
          "3F",
          Instant.parse("2026-03-01T02:03:04Z"),
          "s-1",
          AlarmCategory.FIRE,
          false,
          false,
          null);
  static final AlarmConfirmed CONFIRMED =
      new AlarmConfirmed(
          RAISED.alarmId(),
          HOSPITAL,
          "op-a-operator",
          false,
          Instant.now(),
          Instant.now(),
          null,
          ConfirmationMethod.PHONE_CONFIRMED,
          FireReport.unknown());

  static LiveScope scopeOf(Map<String, Object> claims) {
    return LiveScope.of(ConsoleUser.fromClaims(claims));
  }

  @Test
  void operatorStaffSeeOnlyTheirOperator() {
    LiveScope opA =
        scopeOf(Map.of("sub", "o", "roles", List.of("operator"), "operator_id", "op-a"));
    assertThat(opA.admits(OP_A, RAISED)).isTrue();
    assertThat(opA.admits(OP_B, RAISED)).isFalse();
  }

  @Test
  void anAlarmWhoseUnitCameLateIsNewsOnlyForThoseWhoSeeAlarmsByUnit() {
    AlarmUnitAttached attached =
        new AlarmUnitAttached(
            RAISED.alarmId(),
            HOSPITAL,
            RAISED.device(),
            "西湖区人民医院",
            AlarmCategory.FIRE,
            null,
            "3F",
            RAISED.firstAlertAt(),
            false,
            Instant.now());
    LiveScope operator =
        scopeOf(Map.of("sub", "o", "roles", List.of("operator"), "operator_id", "op-a"));
    LiveScope manager =
        scopeOf(Map.of("sub", "u", "roles", List.of("unit-manager"), "unit_id", "U-330106-A001"));

    assertThat(operator.admits(OP_A, attached)).isTrue();
    assertThat(operator.news(attached)).isFalse();
    assertThat(operator.news(RAISED)).isTrue();
    assertThat(manager.admits(OP_A, attached)).isTrue();
    assertThat(manager.news(attached)).isTrue();
    assertThat(AlarmCard.of(OP_A, attached, ZoneId.of("Asia/Shanghai")).alerts()).isTrue();
  }

  @Test
  void aUnitManagerSeesOnlyTheirUnit() {
    LiveScope own =
        scopeOf(Map.of("sub", "u", "roles", List.of("unit-manager"), "unit_id", "U-330106-A001"));
    LiveScope other =
        scopeOf(Map.of("sub", "u", "roles", List.of("unit-manager"), "unit_id", "U-9"));
    assertThat(own.admits(OP_A, RAISED)).isTrue();
    assertThat(other.admits(OP_A, RAISED)).isFalse();
  }

  @Test
  void theDispatcherSeesConfirmedFiresOnly() {
    LiveScope dispatcher = scopeOf(Map.of("sub", "d", "roles", List.of("dispatcher-119")));
    assertThat(dispatcher.admits(OP_B, CONFIRMED)).isTrue();
    assertThat(dispatcher.admits(OP_B, RAISED)).isFalse();
  }

  @Test
  void aMaintenanceCompanyHearsOfItsOwnFaultsOfEveryOperatorAndOfNoAlarm() {
    LiveScope company =
        scopeOf(
            Map.of(
                "sub",
                "m",
                "roles",
                List.of("maintenance"),
                "maintenance_company",
                "浙江众安消防技术服务有限公司"));
    LiveScope opA =
        scopeOf(Map.of("sub", "o", "roles", List.of("operator"), "operator_id", "op-a"));

    assertThat(company.admitsFault(OP_A, HOSPITAL, "浙江众安消防技术服务有限公司")).isTrue();
    assertThat(company.admitsFault(OP_B, UnitId.of("U-9"), "浙江众安消防技术服务有限公司")).isTrue();
    assertThat(company.admitsFault(OP_A, HOSPITAL, "杭州另一家维保有限公司")).isFalse();
    assertThat(company.admitsFault(OP_A, HOSPITAL, null)).isFalse();
    assertThat(company.admits(OP_A, RAISED)).isFalse();
    assertThat(company.admits(OP_A, CONFIRMED)).isFalse();
    assertThat(company.admitsChange(OP_A, HOSPITAL)).isFalse();
    assertThat(company.admitsIncidents()).isFalse();
    // The company does not narrow the other roles' fault refreshes.
    assertThat(opA.admitsFault(OP_A, HOSPITAL, "杭州另一家维保有限公司")).isTrue();
    assertThat(opA.admitsFault(OP_B, HOSPITAL, "浙江众安消防技术服务有限公司")).isFalse();
  }

  @Test
  void onlyTheDispatcherAndTheAdminAreToldAboutIncidents() {
    assertThat(scopeOf(Map.of("sub", "d", "roles", List.of("dispatcher-119"))).admitsIncidents())
        .isTrue();
    assertThat(scopeOf(Map.of("sub", "a", "roles", List.of("admin"))).admitsIncidents()).isTrue();
    assertThat(
            scopeOf(Map.of("sub", "o", "roles", List.of("operator"), "operator_id", "op-a"))
                .admitsIncidents())
        .isFalse();
    assertThat(
            scopeOf(Map.of("sub", "u", "roles", List.of("unit-manager"), "unit_id", "U-9"))
                .admitsIncidents())
        .isFalse();
  }

  @Test
  void aCall119LineSoundsAndIsRed() {
    AlarmCard line =
        AlarmCard.call119(
            OP_A,
            "a-1",
            HOSPITAL,
            "119",
            java.time.Instant.parse("2026-11-28T05:22:31Z"),
            java.time.ZoneId.of("Asia/Shanghai"));
    assertThat(line.alerts()).isTrue();
    assertThat(line.kind().tone()).isEqualTo("fire");
    assertThat(line.kind().messageKey()).isEqualTo("live.kind.call_119");
    assertThat(line.at()).isEqualTo("2026-11-28 13:22:31");
    assertThat(line.detail()).isEqualTo("119");
  }

  @Test
  void supervisionSeesEveryOperatorAndNoRoleSeesNothing() {
    assertThat(scopeOf(Map.of("sub", "s", "roles", List.of("supervision"))).admits(OP_B, RAISED))
        .isTrue();
    assertThat(scopeOf(Map.of("sub", "n")).admits(OP_A, RAISED)).isFalse();
  }

  @Test
  void aCardSaysWhatHappenedInWordsIconAndToneInTheUsersZone() {
    AlarmCard card = AlarmCard.of(OP_A, RAISED, ZoneId.of("Asia/Shanghai"));
    assertThat(card.kind().tone()).isEqualTo("fire");
    assertThat(card.kind().icon()).isEqualTo("🔥");
    assertThat(card.kind().messageKey()).isEqualTo("live.kind.raised");
    assertThat(card.at()).isEqualTo("2026-03-01 10:03:04");
    assertThat(card.alerts()).isTrue();
    assertThat(AlarmCard.of(OP_A, CONFIRMED, ZoneId.of("Asia/Shanghai")).alerts()).isFalse();
  }

  @Test
  void queueRefreshesFollowTheSameTenantRulesAndSkipThe119Terminal() {
    LiveScope opA =
        scopeOf(Map.of("sub", "o", "roles", List.of("operator"), "operator_id", "op-a"));
    LiveScope unit =
        scopeOf(Map.of("sub", "u", "roles", List.of("unit-manager"), "unit_id", HOSPITAL.value()));
    LiveScope dispatcher = scopeOf(Map.of("sub", "d", "roles", List.of("dispatcher-119")));
    LiveScope supervision = scopeOf(Map.of("sub", "s", "roles", List.of("supervision")));

    assertThat(opA.admitsChange(OP_A, null)).isTrue();
    assertThat(opA.admitsChange(OP_B, HOSPITAL)).isFalse();
    assertThat(unit.admitsChange(OP_B, HOSPITAL)).isTrue();
    assertThat(unit.admitsChange(OP_A, UnitId.of("U-330106-A002"))).isFalse();
    assertThat(unit.admitsChange(OP_A, null)).isFalse();
    assertThat(dispatcher.admitsChange(OP_A, HOSPITAL)).isFalse();
    assertThat(supervision.admitsChange(OP_B, null)).isTrue();
  }
}
