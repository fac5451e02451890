package io.fenghuo.gb26875.adu;

import static io.fenghuo.gb26875.Wire.decodeOne;
import static io.fenghuo.gb26875.Wire.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.Gb26875Message;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Hand-built upload frames (§8.3.1), one comment per field, decoded through the pipeline. */
class UploadDecodingTest {

  private static final LocalDateTime T = LocalDateTime.of(2024, 3, 5, 14, 29, 59);

  private static <T extends InformationObject> T only(Gb26875Message m, TypeFlag type, Class<T> c) {
    TypedData data = (TypedData) m.data();
    assertThat(data.type()).isEqualTo(type);
    assertThat(data.objects()).hasSize(1);
    return c.cast(data.objects().get(0));
  }

  @Test
  void decodesHeaderFieldsLowByteFirst() {
    Gb26875Message m = decodeOne(upload("19 00")); // type 25, 0 objects
    assertThat(m.header().serial()).isEqualTo(7);
    assertThat(m.header().mainVersion()).isEqualTo(1);
    assertThat(m.header().time().dateTime()).isEqualTo(LocalDateTime.of(2024, 3, 5, 14, 30, 15));
    assertThat(m.header().source()).isEqualTo(Address.of(0x123456));
    assertThat(m.header().source().bytes()).containsExactly(0x56, 0x34, 0x12, 0, 0, 0);
    assertThat(m.header().destination()).isEqualTo(Address.of(1));
    assertThat(m.command()).isEqualTo(Command.SEND_DATA);
  }

  @Test
  void decodesSystemStateWithFireAlarmAndMainPowerFault() {
    Gb26875Message m =
        decodeOne(
            upload(
                "01", // type 1: system state
                "01", // 1 object
                "01", // system type 1: fire alarm system
                "03", // system address 3
                "03 01", // state 0x0103 LE: normal, fire alarm, main power fault
                "3B 1D 0E 05 03 18")); // 14:29:59 on 2024-03-05
    SystemStatus s = only(m, TypeFlag.SYSTEM_STATE, SystemStatus.class);
    assertThat(s.systemType()).isEqualTo(SystemType.FIRE_ALARM_SYSTEM);
    assertThat(s.systemAddress()).isEqualTo(3);
    assertThat(s.state().set())
        .containsExactlyInAnyOrder(
            SystemStateBit.NORMAL, SystemStateBit.FIRE_ALARM, SystemStateBit.MAIN_POWER_FAULT);
    assertThat(s.time().dateTime()).isEqualTo(T);
  }

  @Test
  void readsTheSystemStateLowByteFirstSoAFireAlarmIsNotLost() {
    // allbs-model fed 02 00 through the wrong byte order and reported "no fire alarm".
    Gb26875Message m = decodeOne(upload("01 01", "01", "00", "02 00", "3B 1D 0E 05 03 18"));
    assertThat(
            only(m, TypeFlag.SYSTEM_STATE, SystemStatus.class)
                .state()
                .has(SystemStateBit.FIRE_ALARM))
        .isTrue();
  }

  @Test
  void decodesComponentStateWithGb18030Description() {
    Gb26875Message m =
        decodeOne(
            upload(
                "02", // type 2: component state
                "01", // 1 object
                "01", // system type 1
                "01", // system address 1
                "2A", // component type 42: point photoelectric smoke detector
                "05 00 11 00", // component address: loop 5, point 17 (LE)
                "03 00", // state: normal + fire alarm
                "33 B2 E3 D1 CC B8 D0", // "3层烟感" in GB 18030 (7 bytes)
                "00".repeat(24).replaceAll("(..)(?=.)", "$1 "), // NUL padding to 31 bytes
                "3B 1D 0E 05 03 18")); // time of occurrence
    ComponentStatus c = only(m, TypeFlag.COMPONENT_STATE, ComponentStatus.class);
    assertThat(c.componentType()).isEqualTo(ComponentType.POINT_PHOTOELECTRIC_SMOKE_DETECTOR);
    assertThat(c.componentAddress().value()).isEqualTo(0x0011_0005L);
    assertThat(c.componentAddress().bytes()).containsExactly(5, 0, 0x11, 0);
    assertThat(c.componentAddress().low16()).isEqualTo(5);
    assertThat(c.componentAddress().high16()).isEqualTo(17);
    assertThat(c.state().has(ComponentStateBit.FIRE_ALARM)).isTrue();
    assertThat(c.description()).isEqualTo("3层烟感");
    assertThat(c.time().dateTime()).isEqualTo(T);
  }

  @Test
  void keepsTheFrameWhenTheDescriptionIsNotText() {
    Gb26875Message m =
        decodeOne(
            upload(
                "02 01", // type 2, 1 object
                "01 01 28", // system type 1, address 1, component type 40
                "01 00 00 00", // component address 1
                "04 00", // state: fault
                "FF FE 81 00", // binary id stuffed into the description, then NUL
                "00".repeat(27).replaceAll("(..)(?=.)", "$1 "), // padding
                "00 00 00 00 00 00")); // all-zero time label, as several devices send
    ComponentStatus c = only(m, TypeFlag.COMPONENT_STATE, ComponentStatus.class);
    assertThat(c.description()).isNotNull();
    assertThat(c.time().isValid()).isFalse();
    assertThat(c.time().dateTime()).isNull();
    assertThat(c.time().raw()).containsExactly(0, 0, 0, 0, 0, 0);
  }

  @Test
  void decodesAnalogValueAsScaledEngineeringValue() {
    Gb26875Message m =
        decodeOne(
            upload(
                "03", // type 3: analog value
                "01", // 1 object
                "0B", // system type 11: hydrant system
                "02", // system address 2
                "63", // component type 99: pressure switch
                "0C 00 00 00", // component address 12
                "05", // analog type 5: pressure, kPa, 0.1 kPa
                "CB FF", // raw −53 (int16 LE)
                "3B 1D 0E 05 03 18")); // sampling time
    AnalogValue a = only(m, TypeFlag.COMPONENT_ANALOG_VALUE, AnalogValue.class);
    assertThat(a.analogType()).isEqualTo(AnalogType.PRESSURE_KPA);
    assertThat(a.rawValue()).isEqualTo(-53);
    assertThat(a.engineeringValue()).isEqualByComparingTo(new BigDecimal("-5.3"));
    assertThat(a.unit()).isEqualTo("kPa");
  }

  @Test
  void decodesFacilityOperationWhereBit5IsAcknowledge() {
    Gb26875Message m =
        decodeOne(
            upload(
                "04", // type 4: facility operation
                "01", // 1 object
                "01", // system type 1
                "01", // system address 1
                "22", // flags 0x22: silence + acknowledge (bit 5)
                "07", // operator 7
                "3B 1D 0E 05 03 18")); // record time
    FacilityOperation o = only(m, TypeFlag.FACILITY_OPERATION, FacilityOperation.class);
    assertThat(o.operation().set())
        .containsExactlyInAnyOrder(FacilityOperationBit.SILENCE, FacilityOperationBit.ACKNOWLEDGE);
    assertThat(o.operator()).isEqualTo(7);
  }

  @Test
  void decodesFacilitySoftwareVersion() {
    Gb26875Message m =
        decodeOne(
            upload(
                "05", // type 5: facility software version
                "01", // 1 object
                "01", // system type 1
                "01", // system address 1
                "02", // main version 2
                "0A")); // minor version 10
    assertThat(only(m, TypeFlag.FACILITY_SOFTWARE_VERSION, FacilitySoftwareVersion.class))
        .isEqualTo(new FacilitySoftwareVersion(SystemType.FIRE_ALARM_SYSTEM, 1, 2, 10));
  }

  @Test
  void decodesSystemConfigurationOfExplicitLength() {
    Gb26875Message m =
        decodeOne(
            upload(
                "06", // type 6: system configuration
                "01", // 1 object
                "01", // system type 1
                "01", // system address 1
                "04", // description length 4
                "A3 C1 20 20")); // "Ａ" (GB 18030 A3 C1) + two padding spaces
    assertThat(only(m, TypeFlag.SYSTEM_CONFIGURATION, SystemConfiguration.class).description())
        .isEqualTo("Ａ");
  }

  @Test
  void decodesComponentConfigurationWithSpacePadding() {
    Gb26875Message m =
        decodeOne(
            upload(
                "07", // type 7: component configuration
                "01", // 1 object
                "01", // system type 1
                "01", // system address 1
                "17", // component type 23: manual call point
                "09 00 01 00", // component address
                "41 31", // "A1"
                "20".repeat(29).replaceAll("(..)(?=.)", "$1 "))); // space padding (依爱)
    ComponentConfiguration c =
        only(m, TypeFlag.COMPONENT_CONFIGURATION, ComponentConfiguration.class);
    assertThat(c.componentType()).isEqualTo(ComponentType.MANUAL_CALL_POINT);
    assertThat(c.description()).isEqualTo("A1");
  }

  @Test
  void decodesFacilitySystemTime() {
    Gb26875Message m =
        decodeOne(
            upload(
                "08", // type 8: facility system time
                "01", // 1 object
                "01", // system type 1
                "01", // system address 1
                "3B 1D 0E 05 03 18")); // the facility's clock
    assertThat(only(m, TypeFlag.FACILITY_SYSTEM_TIME, FacilitySystemTime.class).time().dateTime())
        .isEqualTo(T);
  }

  @Test
  void decodesUitdStateWithTimeLabel() {
    Gb26875Message m =
        decodeOne(
            upload(
                "15", // type 21: UITD state
                "01", // 1 object
                "21", // state 0x21: normal monitoring + channel-to-centre fault
                "3B 1D 0E 05 03 18")); // time of occurrence
    UitdStatus u = only(m, TypeFlag.UITD_STATE, UitdStatus.class);
    assertThat(u.state().set())
        .containsExactlyInAnyOrder(
            UitdStateBit.NORMAL_MONITORING, UitdStateBit.CENTRE_CHANNEL_FAULT);
    assertThat(u.time().dateTime()).isEqualTo(T);
  }

  @Test
  void decodesUitdOperationWhereBit5IsTheDutyCheckReply() {
    Gb26875Message m =
        decodeOne(
            upload(
                "18", // type 24: UITD operation
                "01", // 1 object
                "20", // flags: bit 5 = 查岗应答
                "02", // operator 2
                "3B 1D 0E 05 03 18")); // record time
    UitdOperation o = only(m, TypeFlag.UITD_OPERATION, UitdOperation.class);
    assertThat(o.operation().has(UitdOperationBit.DUTY_CHECK_REPLY)).isTrue();
    assertThat(o.operator()).isEqualTo(2);
  }

  @Test
  void decodesUitdSoftwareVersion() {
    Gb26875Message m =
        decodeOne(
            upload(
                "19", // type 25: UITD software version
                "01", // 1 object
                "03", // main 3
                "01")); // minor 1
    assertThat(only(m, TypeFlag.UITD_SOFTWARE_VERSION, UitdSoftwareVersion.class))
        .isEqualTo(new UitdSoftwareVersion(3, 1));
  }

  @Test
  void decodesUitdConfiguration() {
    Gb26875Message m =
        decodeOne(
            upload(
                "1A", // type 26: UITD configuration
                "01", // 1 object
                "03", // length 3
                "47 50 52")); // "GPR"
    assertThat(only(m, TypeFlag.UITD_CONFIGURATION, UitdConfiguration.class).description())
        .isEqualTo("GPR");
  }

  @Test
  void decodesUitdSystemTime() {
    Gb26875Message m =
        decodeOne(
            upload(
                "1C", // type 28: UITD system time
                "01", // 1 object
                "3B 1D 0E 05 03 18")); // the UITD's clock
    assertThat(only(m, TypeFlag.UITD_SYSTEM_TIME, UitdSystemTime.class).time().dateTime())
        .isEqualTo(T);
  }

  @Test
  void keepsUserDefinedTypesAsOpaqueData() {
    Gb26875Message m =
        decodeOne(
            upload(
                "CC", // type 204: 依爱 UITD switch status (user-defined)
                "01", // 1 object
                "AA BB CC")); // vendor body
    OpaqueData o = (OpaqueData) m.data();
    assertThat(o.typeFlagValue()).isEqualTo(204);
    assertThat(o.isUserDefined()).isTrue();
    assertThat(o.objectCount()).isEqualTo(1);
    assertThat(o.payload()).containsExactly(1, 0xAA, 0xBB, 0xCC);
  }

  @Test
  void keepsReservedAnd255TypesAsOpaqueData() {
    assertThat(decodeOne(upload("3C 01 09")).data())
        .isEqualTo(new OpaqueData(60, new byte[] {1, 9}));
    assertThat(decodeOne(upload("FF")).data()).isEqualTo(new OpaqueData(255, new byte[0]));
  }

  @Test
  void decodesAnEmptyAduAsNoData() {
    assertThat(decodeOne(upload()).data()).isEqualTo(NoData.INSTANCE);
  }
}
