package io.fenghuo.gb26875.adu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Gb26875Codec;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.Hex;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.Wire;
import io.fenghuo.gb26875.frame.FrameDefect;
import io.fenghuo.gb26875.frame.FrameRejected;
import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.fenghuo.gb26875.profile.UitdStatusTimeLabel;
import io.fenghuo.gb26875.session.Endpoint;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vendor deviations of the reference, selected per device. */
class ProfileTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2024, 3, 5, 14, 30, 15);
  private static final Clock CLOCK =
      Clock.fixed(NOW.toInstant(ZoneOffset.ofHours(8)), ZoneId.of("Asia/Shanghai"));

  private static Endpoint centreFor(DeviceProfile profile) {
    return new Endpoint(Address.of(1), Address.of(0x0379), profile, CLOCK);
  }

  @Test
  void appendsATimeLabelToEveryDownstreamObjectForFireMasterDevices() {
    Gb26875Message duty =
        centreFor(DeviceProfile.FIREMASTER)
            .control(TypedData.of(TypeFlag.DUTY_CHECK, new DutyCheck(5)));
    byte[] wire = Gb26875Codec.encode(duty, DeviceProfile.FIREMASTER);
    assertThat(Hex.format(java.util.Arrays.copyOfRange(wire, 24, wire.length - 3)))
        .isEqualTo(
            "09 00" // ADU length 9: 查岗 item is 7 bytes in FireMaster, plus type and count
                + " 01" // command 1
                + " 5b 01" // type 91, 1 object
                + " 05" // 5 minutes
                + " 0f 1e 0e 05 03 18"); // vendor time label = the frame's time
    List<Object> strict = Gb26875Codec.decodeStream(wire, ProfileSelector.standard());
    assertThat(((FrameRejected) strict.get(0)).defect()).isEqualTo(FrameDefect.MALFORMED_ADU);
    assertThat(Gb26875Codec.decodeStream(wire, ProfileSelector.fixed(DeviceProfile.FIREMASTER)))
        .containsExactly(duty);
  }

  @Test
  void sendsControlCommandsWithTheProfilesCommandByte() {
    TypedData init = TypedData.of(TypeFlag.INITIALISE_UITD, UitdRequest.STANDARD);
    assertThat(centreFor(DeviceProfile.STANDARD).control(init).header().commandByte()).isEqualTo(1);
    assertThat(centreFor(DeviceProfile.LENIENT).control(init).header().commandByte()).isEqualTo(4);
  }

  @Test
  void readsAndWritesBcdTimeLabels() {
    byte[] frame =
        Wire.frame(
            "01 00 01 01", // serial 1, versions
            "59 30 14 05 03 24", // BCD 14:30:59 on 2024-03-05
            "79 03 00 00 00 00", // source 0x0379
            "01 00 00 00 00 00", // destination 1
            "08 00", // ADU length 8
            "02", // send data
            "1C 01", // type 28, 1 object
            "59 30 14 05 03 24"); // BCD UITD time
    ProfileSelector bcd =
        ProfileSelector.byAddress(
            Map.of(Address.of(0x0379), DeviceProfile.BCD_TIME), DeviceProfile.STANDARD);
    Gb26875Message m = (Gb26875Message) Gb26875Codec.decodeStream(frame, bcd).get(0);
    LocalDateTime expected = LocalDateTime.of(2024, 3, 5, 14, 30, 59);
    assertThat(m.header().time().dateTime()).isEqualTo(expected);
    assertThat(((UitdSystemTime) ((TypedData) m.data()).objects().get(0)).time().dateTime())
        .isEqualTo(expected);
    assertThat(Gb26875Codec.encode(m, DeviceProfile.BCD_TIME)).isEqualTo(frame);

    Gb26875Message strict =
        (Gb26875Message) Gb26875Codec.decodeStream(frame, ProfileSelector.standard()).get(0);
    assertThat(strict.header().time().isValid()).isFalse(); // 0x59 = 89 s, 0x24 = 36th month
  }

  @Test
  void acceptsUitdStateWithoutTimeLabelOnlyWhenTheProfileAllowsIt() {
    byte[] frame = Wire.upload("15 01 01"); // type 21, 1 object, state: normal; no time label
    assertThat(
            ((FrameRejected) Gb26875Codec.decodeStream(frame, ProfileSelector.standard()).get(0))
                .defect())
        .isEqualTo(FrameDefect.MALFORMED_ADU);
    Gb26875Message m =
        (Gb26875Message)
            Gb26875Codec.decodeStream(frame, ProfileSelector.fixed(DeviceProfile.LENIENT)).get(0);
    UitdStatus status = (UitdStatus) ((TypedData) m.data()).objects().get(0);
    assertThat(status.time()).isNull();
    assertThat(status.state().has(UitdStateBit.NORMAL_MONITORING)).isTrue();
    // The lenient profile still reads the standard layout.
    assertThat(
            Gb26875Codec.decodeStream(
                    Wire.upload("15 01 01 00 00 00 01 01 18"),
                    ProfileSelector.fixed(DeviceProfile.LENIENT))
                .get(0))
        .isInstanceOf(Gb26875Message.class);
  }

  @Test
  void refusesToEncodeUitdStateWithoutTimeLabelUnderTheStandardProfile() {
    Gb26875Message m =
        centreFor(DeviceProfile.STANDARD)
            .upload(TypedData.of(TypeFlag.UITD_STATE, new UitdStatus(new UitdState(1), null)));
    assertThatThrownBy(() -> Gb26875Codec.encode(m, DeviceProfile.STANDARD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fig. 26");
  }

  @Test
  void padsDescriptionsWithSpacesForYiAiPanels() {
    Gb26875Message m =
        centreFor(DeviceProfile.FIREMASTER)
            .upload(
                TypedData.of(
                    TypeFlag.COMPONENT_CONFIGURATION,
                    new ComponentConfiguration(
                        SystemType.FIRE_ALARM_SYSTEM,
                        1,
                        ComponentType.SMOKE_DETECTOR,
                        ComponentAddress.of(1),
                        "A")));
    byte[] wire = Gb26875Codec.encode(m, DeviceProfile.FIREMASTER);
    assertThat(wire[27 + 2 + 7]).isEqualTo((byte) 'A');
    assertThat(wire[27 + 2 + 8]).isEqualTo((byte) 0x20);
    assertThat(Gb26875Codec.decodeStream(wire, ProfileSelector.standard())).containsExactly(m);
  }

  @Test
  void refusesDescriptionsLongerThanTheirField() {
    Gb26875Message m =
        centreFor(DeviceProfile.STANDARD)
            .upload(
                TypedData.of(
                    TypeFlag.COMPONENT_CONFIGURATION,
                    new ComponentConfiguration(
                        SystemType.GENERIC,
                        1,
                        ComponentType.GENERIC,
                        ComponentAddress.of(1),
                        "火".repeat(16))));
    assertThatThrownBy(() -> Gb26875Codec.encode(m, DeviceProfile.STANDARD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void keepsTheStrictStandardProfileAsDefault() {
    assertThat(DeviceProfile.named("standard")).isEqualTo(DeviceProfile.STANDARD);
    assertThat(new io.fenghuo.gb26875.netty.Gb26875MessageDecoder()).isNotNull();
    assertThat(TimeLabel.of(NOW).isValid()).isTrue();
    assertThat(new FrameStatistics().totalRejections()).isZero();
    assertThat(DeviceProfile.STANDARD.uitdStatusTimeLabel())
        .isEqualTo(UitdStatusTimeLabel.REQUIRED);
    assertThatThrownBy(() -> DeviceProfile.named("acme"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
