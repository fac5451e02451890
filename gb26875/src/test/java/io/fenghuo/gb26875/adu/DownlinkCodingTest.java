package io.fenghuo.gb26875.adu;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.Gb26875Codec;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.Wire;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.session.Endpoint;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every downstream type (§8.3.2, figs. 31–46) encoded by the centre's {@link Endpoint} to the
 * hand-written ADU, and decoded back (as the simulator would).
 */
class DownlinkCodingTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2024, 3, 5, 14, 30, 15);
  private static final Clock CLOCK =
      Clock.fixed(NOW.toInstant(ZoneOffset.ofHours(8)), ZoneId.of("Asia/Shanghai"));
  private static final TimeLabel START = TimeLabel.of(LocalDateTime.of(2024, 3, 1, 0, 0, 0));
  private static final SystemType FAS = SystemType.FIRE_ALARM_SYSTEM;
  private static final ComponentAddress LOOP_5_POINT_17 = ComponentAddress.of(0x0011_0005L);

  static Stream<Arguments> downlinks() {
    return Stream.of(
        Arguments.of(
            TypedData.of(TypeFlag.READ_SYSTEM_STATE, new SystemQuery(FAS, 2)),
            "3D 01" // type 61, 1 object
                + " 01 02"), // system type 1, system address 2
        Arguments.of(
            TypedData.of(
                TypeFlag.READ_COMPONENT_STATE, new ComponentQuery(FAS, 1, LOOP_5_POINT_17)),
            "3E 01" // type 62, 1 object
                + " 01 01" // system type 1, address 1
                + " 05 00 11 00"), // component address, LE (no component type byte)
        Arguments.of(
            TypedData.of(
                TypeFlag.READ_COMPONENT_ANALOG_VALUE, new ComponentQuery(FAS, 1, LOOP_5_POINT_17)),
            "3F 01" // type 63, 1 object
                + " 01 01 05 00 11 00"), // system type, address, component address
        Arguments.of(
            TypedData.of(
                TypeFlag.READ_FACILITY_OPERATIONS, new FacilityOperationQuery(FAS, 1, 10, START)),
            "40 01" // type 64, 1 object
                + " 01 01" // system type 1, address 1
                + " 0A" // 10 records
                + " 00 00 00 01 03 18"), // from 2024-03-01 00:00:00
        Arguments.of(
            TypedData.of(TypeFlag.READ_FACILITY_SOFTWARE_VERSION, new SystemQuery(FAS, 1)),
            "41 01 01 01"), // type 65, 1 object, system type 1, address 1
        Arguments.of(
            TypedData.of(
                TypeFlag.READ_SYSTEM_CONFIGURATION,
                new SystemQuery(FAS, 1),
                new SystemQuery(FAS, 2)),
            "42 02" // type 66, 2 objects
                + " 01 01" // system 1/1
                + " 01 02"), // system 1/2
        Arguments.of(
            TypedData.of(
                TypeFlag.READ_COMPONENT_CONFIGURATION, new ComponentQuery(FAS, 1, LOOP_5_POINT_17)),
            "43 01 01 01 05 00 11 00"), // type 67, 1 object, system, component address
        Arguments.of(
            TypedData.of(TypeFlag.READ_FACILITY_SYSTEM_TIME, new SystemQuery(FAS, 1)),
            "44 01 01 01"), // type 68, 1 object, system 1/1
        Arguments.of(
            TypedData.of(TypeFlag.READ_UITD_STATE, UitdRequest.STANDARD),
            "51 01 00"), // type 81, 1 object, reserved 0
        Arguments.of(
            TypedData.of(TypeFlag.READ_UITD_OPERATIONS, new UitdOperationQuery(5, START)),
            "54 01" // type 84, 1 object
                + " 05" // 5 records
                + " 00 00 00 01 03 18"), // from 2024-03-01 00:00:00
        Arguments.of(
            TypedData.of(TypeFlag.READ_UITD_SOFTWARE_VERSION, UitdRequest.STANDARD),
            "55 01 00"), // type 85, 1 object, reserved 0
        Arguments.of(
            TypedData.of(TypeFlag.READ_UITD_CONFIGURATION, UitdRequest.STANDARD),
            "56 01 00"), // type 86, 1 object, reserved 0
        Arguments.of(
            TypedData.of(TypeFlag.READ_UITD_SYSTEM_TIME, UitdRequest.STANDARD),
            "58 01 00"), // type 88, 1 object, reserved 0
        Arguments.of(
            TypedData.of(TypeFlag.INITIALISE_UITD, UitdRequest.STANDARD),
            "59 01 00"), // type 89, 1 object, reserved 0
        Arguments.of(
            TypedData.of(TypeFlag.SYNCHRONISE_CLOCK, new ClockSync(TimeLabel.of(NOW))),
            "5A 01" // type 90, 1 object
                + " 0F 1E 0E 05 03 18"), // centre time 14:30:15 2024-03-05
        Arguments.of(
            TypedData.of(TypeFlag.DUTY_CHECK, new DutyCheck(10)),
            "5B 01 0A")); // type 91, 1 object, answer within 10 minutes
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("downlinks")
  void encodesDownlinkToTheStandardLayoutAndDecodesItBack(TypedData data, String aduHex) {
    Endpoint centre =
        new Endpoint(Address.of(1), Address.of(0x123456), DeviceProfile.STANDARD, CLOCK);
    Gb26875Message m = data.type().isControl() ? centre.control(data) : centre.read(data);
    byte[] wire = Gb26875Codec.encode(m, DeviceProfile.STANDARD);

    byte[] expectedAdu = Wire.hex(aduHex);
    assertThat(Arrays.copyOfRange(wire, 27, 27 + expectedAdu.length)).isEqualTo(expectedAdu);
    assertThat(wire).hasSize(30 + expectedAdu.length);
    assertThat(wire[26] & 0xFF)
        .isEqualTo(data.type().isControl() ? Command.CONTROL.value() : Command.REQUEST.value());
    assertThat(Wire.decodeOne(wire)).isEqualTo(m);
  }
}
