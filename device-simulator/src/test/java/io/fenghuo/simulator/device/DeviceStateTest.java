package io.fenghuo.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.AnalogType;
import io.fenghuo.gb26875.adu.AnalogValue;
import io.fenghuo.gb26875.adu.ComponentAddress;
import io.fenghuo.gb26875.adu.ComponentQuery;
import io.fenghuo.gb26875.adu.ComponentStateBit;
import io.fenghuo.gb26875.adu.ComponentStatus;
import io.fenghuo.gb26875.adu.FacilityOperation;
import io.fenghuo.gb26875.adu.FacilityOperationBit;
import io.fenghuo.gb26875.adu.SystemStateBit;
import io.fenghuo.gb26875.adu.SystemStatus;
import io.fenghuo.gb26875.adu.SystemType;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.adu.UitdStateBit;
import io.fenghuo.gb26875.adu.UitdStatus;
import io.fenghuo.gb26875.profile.DeviceProfile;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeviceStateTest {

  private static final TimeLabel NOW = TimeLabel.of(LocalDateTime.of(2024, 3, 5, 14, 30, 15));
  private static final long SMOKE = Point.loopPoint(1, 7);

  private final DeviceState state =
      new DeviceState(
          new DeviceSpec(
              Address.of(0x123456),
              DeviceProfile.STANDARD,
              List.of(
                  Point.component(1, 1, 42, SMOKE, "感烟"),
                  Point.component(1, 1, 23, Point.loopPoint(1, 8), "手报"))));
  private final SplittableRandom rnd = new SplittableRandom(1);

  private List<Upload> apply(DeviceEvent e) {
    return state.apply(e, NOW, rnd);
  }

  @Test
  void reportsAFireAsAType2UploadAndShowsItInSystemAndUitdState() {
    List<Upload> out =
        apply(new DeviceEvent.Change(PointSelector.component(SMOKE), Condition.FIRE, true));

    assertThat(out)
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.kind()).isEqualTo(UploadKind.FIRE);
              ComponentStatus c = ((TypedData) u.data()).objects(ComponentStatus.class).get(0);
              assertThat(c.state().set())
                  .containsExactlyInAnyOrder(
                      ComponentStateBit.NORMAL, ComponentStateBit.FIRE_ALARM);
              assertThat(c.description()).isEqualTo("感烟");
              assertThat(c.time()).isEqualTo(NOW);
            });
    SystemStatus system = state.systemStatus(new SystemKey(1, 1), NOW);
    assertThat(system.state().has(SystemStateBit.FIRE_ALARM)).isTrue();
    assertThat(state.uitdStatus(NOW).state().has(UitdStateBit.FIRE_ALARM)).isTrue();
  }

  @Test
  void resetClearsFiresOfTheSystemAndRecordsTheOperation() {
    apply(new DeviceEvent.Change(PointSelector.component(SMOKE), Condition.FIRE, true));

    List<Upload> out = apply(new DeviceEvent.Reset(PointSelector.FIRST_SYSTEM, 4));

    assertThat(out)
        .extracting(Upload::kind)
        .containsExactly(UploadKind.OPERATION, UploadKind.RESET);
    FacilityOperation op = ((TypedData) out.get(0).data()).objects(FacilityOperation.class).get(0);
    assertThat(op.operation().has(FacilityOperationBit.RESET)).isTrue();
    assertThat(op.operator()).isEqualTo(4);
    assertThat(state.hasFire()).isFalse();
    assertThat(state.uitdStatus(NOW).state().has(UitdStateBit.FIRE_ALARM)).isFalse();
    assertThat(state.facilityOperations(new SystemKey(1, 1), null, 10)).containsExactly(op);
  }

  @Test
  void reportsASystemPowerFaultAsType1WithTheMainPowerBit() {
    List<Upload> out =
        apply(new DeviceEvent.Change(PointSelector.FIRST_SYSTEM, Condition.MAIN_POWER_FAULT, true));

    SystemStatus s = ((TypedData) out.get(0).data()).objects(SystemStatus.class).get(0);
    assertThat(out.get(0).kind()).isEqualTo(UploadKind.POWER_FAULT);
    assertThat(s.state().has(SystemStateBit.MAIN_POWER_FAULT)).isTrue();
  }

  @Test
  void tracksFaultAndDisableOfAComponentUntilTheyClear() {
    ComponentKey key = new ComponentKey(new SystemKey(1, 1), SMOKE);
    apply(new DeviceEvent.Change(PointSelector.component(SMOKE), Condition.FAULT, true));
    apply(new DeviceEvent.Change(PointSelector.component(SMOKE), Condition.DISABLED, true));
    assertThat(state.has(key, ComponentStateBit.FAULT)).isTrue();
    assertThat(state.has(key, ComponentStateBit.DISABLED)).isTrue();

    List<Upload> recovery =
        apply(new DeviceEvent.Change(PointSelector.component(SMOKE), Condition.FAULT, false));

    assertThat(recovery.get(0).kind()).isEqualTo(UploadKind.RECOVERY);
    assertThat(state.has(key, ComponentStateBit.FAULT)).isFalse();
    assertThat(state.has(key, ComponentStateBit.DISABLED)).isTrue();
  }

  @Test
  void answersReadsFromTheCurrentState() {
    apply(new DeviceEvent.Change(PointSelector.component(SMOKE), Condition.FIRE, true));
    apply(new DeviceEvent.Analog(PointSelector.component(SMOKE), AnalogType.TEMPERATURE, 235));
    ComponentQuery q =
        new ComponentQuery(SystemType.FIRE_ALARM_SYSTEM, 1, ComponentAddress.of(SMOKE));

    TypedData component =
        ReadResponder.answer(TypedData.of(TypeFlag.READ_COMPONENT_STATE, q), state, NOW);
    TypedData analog =
        ReadResponder.answer(TypedData.of(TypeFlag.READ_COMPONENT_ANALOG_VALUE, q), state, NOW);
    TypedData uitd =
        ReadResponder.answer(
            TypedData.of(TypeFlag.READ_UITD_STATE, io.fenghuo.gb26875.adu.UitdRequest.STANDARD),
            state,
            NOW);

    assertThat(component.type()).isEqualTo(TypeFlag.COMPONENT_STATE);
    assertThat(
            component
                .objects(ComponentStatus.class)
                .get(0)
                .state()
                .has(ComponentStateBit.FIRE_ALARM))
        .isTrue();
    assertThat(analog.objects(AnalogValue.class).get(0).engineeringValue())
        .isEqualByComparingTo("23.5");
    assertThat(uitd.objects(UitdStatus.class).get(0).state().has(UitdStateBit.FIRE_ALARM)).isTrue();
  }

  @Test
  void answersAQueryForAnUnconfiguredComponentAsGenericAndNormal() {
    ComponentQuery unknown =
        new ComponentQuery(SystemType.FIRE_ALARM_SYSTEM, 1, ComponentAddress.of(999));

    ComponentStatus c =
        ReadResponder.answer(TypedData.of(TypeFlag.READ_COMPONENT_STATE, unknown), state, NOW)
            .objects(ComponentStatus.class)
            .get(0);

    assertThat(c.componentType().code()).isZero();
    assertThat(c.state().set()).containsExactly(ComponentStateBit.NORMAL);
  }

  @Test
  void sendsEverySystemAndTheUitdStateAsPeriodicStatus() {
    List<Upload> out = apply(new DeviceEvent.Status());

    assertThat(out).extracting(u -> u.data().typeFlagValue()).containsExactly(1, 21);
    assertThat(out).extracting(Upload::kind).containsOnly(UploadKind.STATUS);
  }
}
