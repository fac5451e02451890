package io.fenghuo.inspection.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.contracts.fault.FaultClosed;
import io.fenghuo.contracts.fault.FaultClosure;
import io.fenghuo.contracts.fault.FaultEscalated;
import io.fenghuo.contracts.fault.FaultEvent;
import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.fault.FaultKind;
import io.fenghuo.contracts.fault.FaultOpened;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.DisconnectReason;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.signal.StatusSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fault record, liveness, polling schedule and policy rules, on an explicit clock. */
class FaultAndLivenessTest {

  static final OperatorId OP = OperatorId.of("op-a");
  static final DeviceAddress D = DeviceAddress.of("0140609623b2");
  static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");

  static Fault aPointFault(Policy policy) {
    return Fault.open(
        FaultId.forSignal("sig-1", FaultKind.POINT_FAULT),
        OP,
        UnitId.of("U-1"),
        D,
        FaultKind.POINT_FAULT,
        "C:1:1:40:7",
        null,
        "3层",
        "感烟 7",
        "维保公司",
        "sig-1",
        T0,
        policy);
  }

  @Test
  void aFaultEscalatesToTheUnitManagerAfter24HoursAndToTheSupervisorAfter72() {
    Fault f = aPointFault(Policy.DEFAULTS);
    assertThat(f.pendingEvents()).singleElement().isInstanceOf(FaultOpened.class);

    f.escalate(T0.plus(Duration.ofHours(23)), Policy.DEFAULTS);
    assertThat(f.pendingEvents()).isEmpty();
    f.escalate(T0.plus(Duration.ofHours(24)), Policy.DEFAULTS);
    List<FaultEvent> first = f.pendingEvents();
    assertThat(first).singleElement().isInstanceOf(FaultEscalated.class);
    assertThat(((FaultEscalated) first.get(0)).escalatedTo()).isEqualTo("unit-manager");
    assertThat(f.record().nextEscalationAt()).isEqualTo(T0.plus(Duration.ofHours(72)));
    f.escalate(T0.plus(Duration.ofHours(72)), Policy.DEFAULTS);
    assertThat(((FaultEscalated) f.pendingEvents().get(0)).escalatedTo())
        .isEqualTo("operator-supervisor");
    assertThat(f.record().nextEscalationAt()).isNull();
  }

  @Test
  void aLateTimerAppliesBothLevelsInOrder() {
    Fault f = aPointFault(Policy.DEFAULTS);
    f.pendingEvents();
    f.escalate(T0.plus(Duration.ofDays(5)), Policy.DEFAULTS);
    assertThat(f.pendingEvents())
        .extracting(e -> ((FaultEscalated) e).level())
        .containsExactly(1, 2);
  }

  @Test
  void aReportedRepairDoesNotCloseTheFaultTheRecoverySignalDoes() {
    Fault f = aPointFault(Policy.DEFAULTS);
    f.repaired("maint-1", "换底座", T0.plusSeconds(60));
    assertThat(f.record().open()).isTrue();
    assertThat(f.record().workOrderState()).isEqualTo("REPAIRED");
    assertThat(f.record().acceptedBy()).isEqualTo("maint-1");
    assertThatThrownBy(() -> f.accept("x", null, T0.plusSeconds(61)))
        .isInstanceOf(InspectionException.Conflict.class);

    f.close(FaultClosure.RECOVERY_SIGNAL, "sig-2", T0.plusSeconds(120));
    List<FaultEvent> events = f.pendingEvents();
    FaultClosed closed = (FaultClosed) events.get(events.size() - 1);
    assertThat(closed.repairedReportedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(f.record().nextEscalationAt()).isNull();
    f.escalate(T0.plus(Duration.ofDays(9)), Policy.DEFAULTS);
    assertThat(f.pendingEvents()).isEmpty();
    assertThatThrownBy(() -> f.repaired("x", null, T0.plusSeconds(200)))
        .isInstanceOf(InspectionException.Conflict.class);
  }

  @Test
  void faultKindsFollowTheReportingObject() {
    assertThat(
            FaultRules.holding(
                StatusSource.SYSTEM,
                Set.of(StateFlag.MAIN_POWER_FAULT, StateFlag.BUS_FAULT, StateFlag.STARTED)))
        .containsExactlyInAnyOrder(FaultKind.MAIN_POWER_FAULT, FaultKind.BUS_FAULT);
    assertThat(
            FaultRules.holding(StatusSource.COMPONENT, Set.of(StateFlag.FAULT, StateFlag.DISABLED)))
        .containsExactlyInAnyOrder(FaultKind.POINT_FAULT, FaultKind.POINT_DISABLED);
    assertThat(
            FaultRules.holding(
                StatusSource.UITD,
                Set.of(StateFlag.BACKUP_POWER_FAULT, StateFlag.MONITORING_LINK_FAULT)))
        .containsExactlyInAnyOrder(FaultKind.UITD_POWER_FAULT, FaultKind.UITD_LINK_FAULT);
    assertThat(FaultRules.holding(StatusSource.COMPONENT, Set.of(StateFlag.FIRE_ALARM))).isEmpty();
  }

  static Policy window(int heartbeatSeconds, int toleranceSeconds) {
    return new Policy(
        Duration.ofHours(24),
        Duration.ofHours(72),
        10,
        Duration.ofSeconds(heartbeatSeconds),
        Duration.ofSeconds(toleranceSeconds),
        Duration.ofHours(1));
  }

  @Test
  void aDeviceIsOnlineUntilItsWindowPlusToleranceHavePassedSinceTheLastSignal() {
    Policy p = window(180, 60);
    Uitd u = Uitd.learned(OP, D, null, T0, Duration.ofHours(1));
    assertThat(u.heard(T0, T0, p)).isEqualTo(Uitd.Heard.FIRST_HEARD);

    assertThat(u.sweep(T0.plusSeconds(239))).isFalse();
    assertThat(u.sweep(T0.plusSeconds(240))).isTrue();
    assertThat(u.liveness()).isEqualTo(Liveness.OFFLINE);
    assertThat(u.offlineSince()).isEqualTo(T0.plusSeconds(240));
    assertThat(u.heard(T0.plusSeconds(300), T0.plusSeconds(300), p))
        .isEqualTo(Uitd.Heard.BACK_ONLINE);
  }

  @Test
  void aSignalFromABacklogOlderThanTheDeadlineDoesNotBringADeviceOnline() {
    Policy p = window(180, 60);
    Uitd u = Uitd.learned(OP, D, null, T0, Duration.ofHours(1));
    assertThat(u.heard(T0, T0.plusSeconds(600), p)).isEqualTo(Uitd.Heard.NOTHING);
    assertThat(u.liveness()).isEqualTo(Liveness.UNKNOWN);
  }

  @Test
  void aDisconnectShortensTheDeadlineToTheToleranceUnlessTheSessionWasReplaced() {
    Policy p = window(180, 60);
    Uitd u = Uitd.learned(OP, D, null, T0, Duration.ofHours(1));
    u.heard(T0, T0, p);
    u.disconnected(T0.plusSeconds(10), DisconnectReason.REPLACED, p);
    assertThat(u.offlineDueAt()).isEqualTo(T0.plusSeconds(240));
    u.disconnected(T0.plusSeconds(10), DisconnectReason.NETWORK_ERROR, p);
    assertThat(u.offlineDueAt()).isEqualTo(T0.plusSeconds(70));
    assertThat(u.connected()).isFalse();
    u.connected(T0.plusSeconds(20), T0.plusSeconds(20), p);
    assertThat(u.offlineDueAt()).isEqualTo(T0.plusSeconds(260));
  }

  @Test
  void aPeriodChangeMovesTheNextPollAtOnce() {
    Uitd u = Uitd.learned(OP, D, null, T0, Duration.ofHours(1));
    assertThat(u.nextPollAt()).isBetween(T0, T0.plus(Duration.ofHours(1)));
    u.polled(T0, Duration.ofHours(1));
    assertThat(u.nextPollAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    u.reschedule(T0.plusSeconds(100), Duration.ofMinutes(1));
    assertThat(u.nextPollAt()).isEqualTo(T0.plusSeconds(100));
    u.reschedule(T0.plusSeconds(10), Duration.ofMinutes(30));
    assertThat(u.nextPollAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
  }

  @Test
  void clockSyncIsRequestedOnlyWhenEnabledAndAtMostOncePerGap() {
    Tuning off = Tuning.DEFAULTS;
    Tuning on =
        new Tuning(
            off.zone(),
            off.startupGrace(),
            off.pollTimeout(),
            true,
            Duration.ofSeconds(5),
            Duration.ofMinutes(10));
    Uitd u = Uitd.learned(OP, D, null, T0, Duration.ofHours(1));
    assertThat(u.clockDrift(T0.plusSeconds(30), T0, T0, off)).isFalse();
    assertThat(u.clockDriftMs()).isEqualTo(30_000);
    assertThat(u.clockDrift(T0.plusSeconds(4), T0, T0, on)).isFalse();
    assertThat(u.clockDrift(T0.minusSeconds(6), T0, T0, on)).isTrue();
    assertThat(u.clockDrift(T0.minusSeconds(6), T0, T0.plusSeconds(60), on)).isFalse();
    assertThat(u.clockDrift(T0.minusSeconds(6), T0, T0.plusSeconds(601), on)).isTrue();
  }

  @Test
  void thePollPeriodIsAtMostTwoHoursAndAPolicyIsConsistent() {
    assertThatThrownBy(() -> Policy.requirePollPeriod("period", Duration.ofHours(3)))
        .hasMessageContaining("GB 50440");
    assertThatThrownBy(
            () ->
                new Policy(Duration.ofHours(72), Duration.ofHours(24), null, null, null, null)
                    .validated())
        .hasMessageContaining("supervisorAfter");
    Policy filled = new Policy(null, null, null, null, null, Duration.ofMinutes(30)).validated();
    assertThat(filled.unitManagerAfter()).isEqualTo(Duration.ofHours(24));
    assertThat(filled.disabledLimit()).isEqualTo(10);
    assertThat(filled.pollPeriod()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void theBoardShowsTheDominantConditionWithColourAndEveryConditionAsText() {
    StateDisplay.Shown shown = StateDisplay.of(Set.of(StateFlag.DISABLED, StateFlag.FAULT));
    assertThat(shown.state()).isEqualTo("FAULT");
    assertThat(shown.colour()).isEqualTo("yellow");
    assertThat(shown.text()).isEqualTo("故障、屏蔽");
    assertThat(StateDisplay.of(Set.of(StateFlag.FIRE_ALARM, StateFlag.FAULT)).colour())
        .isEqualTo("red");
    assertThat(StateDisplay.of(Set.of()))
        .isEqualTo(new StateDisplay.Shown("NORMAL", "green", "正常"));
  }
}
