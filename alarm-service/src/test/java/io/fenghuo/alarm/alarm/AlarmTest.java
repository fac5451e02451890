package io.fenghuo.alarm.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.contracts.alarm.AlarmClaimed;
import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.alarm.AlarmEscalated;
import io.fenghuo.contracts.alarm.AlarmForwardedUnconfirmed;
import io.fenghuo.contracts.alarm.AlarmPointsAdded;
import io.fenghuo.contracts.alarm.AlarmRaised;
import io.fenghuo.contracts.alarm.AlarmReleased;
import io.fenghuo.contracts.alarm.AlarmUnitAttached;
import io.fenghuo.contracts.alarm.ConfirmationMethod;
import io.fenghuo.contracts.alarm.EscalationReason;
import io.fenghuo.contracts.alarm.FalseAlarmCause;
import io.fenghuo.contracts.alarm.FireReport;
import io.fenghuo.contracts.alarm.ReleaseReason;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.FireAlarmSource;
import io.fenghuo.contracts.signal.PointRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The alarm's rules, driven with explicit times (the clock is the test's). */
class AlarmTest {

  static final OperatorId OP = OperatorId.of("op-a");
  static final UnitId UNIT = UnitId.of("U-330106-A001");
  static final DeviceAddress DEVICE = DeviceAddress.of("0140609623b2");
  static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
  static final Policy POLICY = Policy.DEFAULTS;

  static PointSignal aFireAlarmFrom(long component, Instant at) {
    return new PointSignal(
        UUID.randomUUID().toString(),
        DEVICE,
        AlarmCategory.FIRE,
        FireAlarmSource.COMPONENT_STATE,
        PointRef.component(1, 1, 40, component),
        at,
        at);
  }

  static PointSignal aManualAlarmAt(Instant at) {
    return new PointSignal(
        UUID.randomUUID().toString(),
        DEVICE,
        AlarmCategory.FIRE,
        FireAlarmSource.UITD_MANUAL_ALARM,
        null,
        at,
        at);
  }

  static Alarm anOpenAlarm() {
    return Alarm.open(OP, UNIT, aFireAlarmFrom(1, T0), false, "3F 东侧走廊", "西湖医院", T0, POLICY);
  }

  @Test
  void theFirstSignalRaisesAnAlarmWhoseIdFollowsFromTheSignal() {
    PointSignal first = aFireAlarmFrom(1, T0);
    Alarm alarm = Alarm.open(OP, UNIT, first, false, null, null, T0, POLICY);

    assertThat(alarm.id()).isEqualTo(Alarm.idFor(first.eventId()));
    assertThat(alarm.pendingEvents()).singleElement().isInstanceOf(AlarmRaised.class);
    assertThat(alarm.record().state()).isEqualTo(AlarmState.OPEN);
    assertThat(alarm.record().nextCheckAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void anAlarmOpenedWithoutItsUnitJoinsTheUnitsGroupingWhenTheBindingArrives() {
    PointSignal first = aFireAlarmFrom(1, T0);
    Alarm alarm =
        Alarm.restore(Alarm.open(OP, null, first, false, null, null, T0, POLICY).record());
    assertThat(alarm.record().groupKey()).isEqualTo("device:" + DEVICE + "/FIRE");

    alarm.attachUnit(UNIT, "西湖医院", first.point(), "3F 东侧走廊", false, T0.plusSeconds(3));

    assertThat(alarm.record().unit()).isEqualTo(UNIT);
    assertThat(alarm.record().groupKey()).isEqualTo(Alarm.groupKey(UNIT, first));
    assertThat(alarm.id()).isEqualTo(Alarm.idFor(first.eventId()));
    AlarmUnitAttached attached = (AlarmUnitAttached) alarm.pendingEvents().get(0);
    assertThat(attached.alarmId()).isEqualTo(alarm.id());
    assertThat(attached.unit()).isEqualTo(UNIT);
    assertThat(attached.device()).isEqualTo(DEVICE);
    assertThat(attached.unitName()).isEqualTo("西湖医院");
    assertThat(attached.location()).isEqualTo("3F 东侧走廊");
    assertThat(attached.firstAlertAt()).isEqualTo(T0);
    assertThat(attached.attachedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(alarm.pendingEntries())
        .singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(TimelineKind.UNIT_ATTACHED))
        .satisfies(e -> assertThat(e.actor()).isEqualTo(TimelineEntry.SYSTEM));
    assertThatThrownBy(() -> alarm.attachUnit(UNIT, null, null, null, false, T0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void laterPointsOfTheUnitJoinTheOpenAlarmAndTheSamePointDoesNotCountTwice() {
    Alarm alarm = anOpenAlarm();
    alarm.addPoint(aFireAlarmFrom(2, T0.plusSeconds(5)), true, null, T0.plusSeconds(5), POLICY);
    alarm.addPoint(aFireAlarmFrom(2, T0.plusSeconds(6)), false, null, T0.plusSeconds(6), POLICY);

    assertThat(alarm.record().pointCount()).isEqualTo(2);
    assertThat(alarm.pendingEvents()).filteredOn(AlarmPointsAdded.class::isInstance).hasSize(1);
    assertThat(alarm.pendingEntries())
        .extracting(TimelineEntry::kind)
        .containsExactly(TimelineKind.RAISED, TimelineKind.POINT_ADDED, TimelineKind.POINT_ADDED);
  }

  @Test
  void aManualAlarmIsAHumanInitiatedFireAlarm() {
    Alarm alarm = Alarm.open(OP, UNIT, aManualAlarmAt(T0), false, null, null, T0, POLICY);
    assertThat(alarm.record().humanInitiated()).isTrue();
    assertThat(alarm.record().category()).isEqualTo(AlarmCategory.FIRE);
  }

  @Test
  void anAlarmInAMaintenanceWindowIsRaisedAndMarked() {
    Alarm alarm = Alarm.open(OP, UNIT, aFireAlarmFrom(1, T0), true, null, null, T0, POLICY);
    assertThat(((AlarmRaised) alarm.pendingEvents().get(0)).maintenanceWindow()).isTrue();
    assertThat(alarm.record().state()).isEqualTo(AlarmState.OPEN);
  }

  @Test
  void anotherOperatorCannotClaimAHeldAlarmButASupervisorCanTakeItOver() {
    Alarm alarm = anOpenAlarm();
    alarm.claim("op-a-operator", false, T0.plusSeconds(3), POLICY);

    assertThatThrownBy(() -> alarm.claim("op-a-operator-2", false, T0.plusSeconds(4), POLICY))
        .isInstanceOf(AlarmException.Conflict.class)
        .hasMessageContaining("op-a-operator");
    alarm.claim("op-a-supervisor", true, T0.plusSeconds(5), POLICY);

    assertThat(alarm.record().claimedBy()).isEqualTo("op-a-supervisor");
    assertThat(alarm.pendingEvents())
        .filteredOn(AlarmReleased.class::isInstance)
        .singleElement()
        .extracting(e -> ((AlarmReleased) e).reason())
        .isEqualTo(ReleaseReason.TAKEN_OVER);
    assertThat(alarm.pendingEvents()).filteredOn(AlarmClaimed.class::isInstance).hasSize(2);
  }

  @Test
  void callsAndResultsNeedTheClaim() {
    Alarm alarm = anOpenAlarm();
    assertThatThrownBy(() -> alarm.recordCall("op-a-operator", "x", T0, POLICY))
        .isInstanceOf(AlarmException.Conflict.class)
        .hasMessageContaining("claim the alarm first");
    assertThatThrownBy(
            () ->
                alarm.dismiss("op-a-operator", Verdict.FALSE_ALARM, FalseAlarmCause.DUST, null, T0))
        .isInstanceOf(AlarmException.Conflict.class);
  }

  @Test
  void aFalseAlarmNeedsItsCauseAndATestHasNone() {
    Alarm alarm = anOpenAlarm();
    alarm.claim("u", false, T0, POLICY);
    assertThatThrownBy(() -> alarm.dismiss("u", Verdict.FALSE_ALARM, null, null, T0))
        .isInstanceOf(AlarmException.Invalid.class)
        .hasMessageContaining("cause");
    assertThatThrownBy(() -> alarm.dismiss("u", Verdict.TEST, FalseAlarmCause.DUST, null, T0))
        .isInstanceOf(AlarmException.Invalid.class);
    alarm.dismiss("u", Verdict.TEST, null, "月度测试", T0);
    assertThat(alarm.record().state()).isEqualTo(AlarmState.DISMISSED);
    assertThatThrownBy(() -> alarm.claim("u", false, T0, POLICY))
        .isInstanceOf(AlarmException.Conflict.class)
        .hasMessageContaining("closed");
  }

  @Test
  void confirmingAfterAnAnsweredCallIsPhoneConfirmedWithTheReport() {
    Alarm alarm = anOpenAlarm();
    alarm.claim("u", false, T0, POLICY);
    alarm.confirm(
        "u",
        new AlarmRecord.FireDetails("3F 东侧走廊", "纸箱", "小", "张伟", "13900000003"),
        "明火",
        true,
        T0.plusSeconds(60),
        r -> FireReport.unknown());

    AlarmConfirmed confirmed =
        (AlarmConfirmed) alarm.pendingEvents().get(alarm.pendingEvents().size() - 1);
    assertThat(confirmed.method()).isEqualTo(ConfirmationMethod.PHONE_CONFIRMED);
    assertThat(alarm.record().fire().burningMaterial()).isEqualTo("纸箱");
    assertThat(alarm.record().nextCheckAt()).isNull();
  }

  @Test
  void escalatesUnclaimedThenUnconfirmedAndForwardsOnceWhenThePolicySaysSo() {
    Policy forward =
        new Policy(
            Duration.ofSeconds(30),
            Duration.ofMinutes(3),
            Duration.ofMinutes(2),
            true,
            Duration.ofMinutes(10),
            20,
            Duration.ofMinutes(2));
    Alarm alarm = Alarm.open(OP, UNIT, aFireAlarmFrom(1, T0), false, null, null, T0, forward);

    alarm.tick(T0.plusSeconds(29), forward, FireReport::unknown);
    assertThat(alarm.record().escalationLevel()).isZero();
    alarm.tick(T0.plusSeconds(30), forward, FireReport::unknown);
    assertThat(alarm.record().escalationLevel()).isEqualTo(1);
    assertThat(alarm.record().nextCheckAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
    alarm.tick(T0.plus(Duration.ofMinutes(3)), forward, FireReport::unknown);
    alarm.tick(T0.plus(Duration.ofMinutes(4)), forward, FireReport::unknown);

    List<AlarmEscalated> escalations = new ArrayList<>();
    alarm.pendingEvents().stream()
        .filter(AlarmEscalated.class::isInstance)
        .forEach(e -> escalations.add((AlarmEscalated) e));
    assertThat(escalations)
        .extracting(AlarmEscalated::level, AlarmEscalated::escalatedTo, AlarmEscalated::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "operator", EscalationReason.NOT_CLAIMED),
            org.assertj.core.groups.Tuple.tuple(
                2, "operator-supervisor", EscalationReason.NOT_CLAIMED));
    assertThat(alarm.pendingEvents())
        .filteredOn(AlarmForwardedUnconfirmed.class::isInstance)
        .hasSize(1);
    assertThat(alarm.record().nextCheckAt()).isNull();
  }

  @Test
  void anIdleClaimReturnsToTheQueue() {
    Alarm alarm = anOpenAlarm();
    alarm.claim("u", false, T0.plusSeconds(10), POLICY);
    assertThat(alarm.record().nextCheckAt())
        .isEqualTo(T0.plusSeconds(10).plus(Duration.ofMinutes(2)));

    alarm.tick(T0.plusSeconds(10).plus(Duration.ofMinutes(2)), POLICY, FireReport::unknown);

    assertThat(alarm.record().state()).isEqualTo(AlarmState.OPEN);
    assertThat(alarm.pendingEvents())
        .filteredOn(AlarmReleased.class::isInstance)
        .singleElement()
        .extracting(e -> ((AlarmReleased) e).reason())
        .isEqualTo(ReleaseReason.IDLE_TIMEOUT);
    assertThat(alarm.pendingEntries())
        .extracting(TimelineEntry::kind)
        .contains(TimelineKind.CLAIM_EXPIRED);
  }

  @Test
  void theQueuePutsFireFirstThenUnclaimedThenNewest() {
    Views.AlarmCard oldFire = card(AlarmCategory.FIRE, AlarmState.OPEN, T0);
    Views.AlarmCard newFire = card(AlarmCategory.FIRE, AlarmState.OPEN, T0.plusSeconds(60));
    Views.AlarmCard claimedFire = card(AlarmCategory.FIRE, AlarmState.CLAIMED, T0.plusSeconds(90));
    Views.AlarmCard supervisory =
        card(AlarmCategory.SUPERVISORY, AlarmState.OPEN, T0.plusSeconds(120));
    List<Views.AlarmCard> queue =
        new ArrayList<>(List.of(supervisory, claimedFire, oldFire, newFire));

    queue.sort(QueueOrder.ORDER);

    assertThat(queue).containsExactly(newFire, oldFire, claimedFire, supervisory);
  }

  @Test
  void aPolicyWithAnUnconfirmedTimerShorterThanTheUnclaimedOneIsRefused() {
    assertThatThrownBy(
            () ->
                new Policy(
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        false,
                        Duration.ofMinutes(10),
                        20,
                        Duration.ofMinutes(2))
                    .validated())
        .isInstanceOf(AlarmException.Invalid.class)
        .hasMessageContaining("unconfirmedAfter");
  }

  static Views.AlarmCard card(AlarmCategory category, AlarmState state, Instant first) {
    return new Views.AlarmCard(
        UUID.randomUUID(),
        "op-a",
        "U-1",
        null,
        null,
        category,
        false,
        false,
        state,
        first,
        first,
        1,
        null,
        null,
        "0140609623b2",
        null,
        null,
        0,
        false,
        false,
        false);
  }
}
