package io.fenghuo.gateway.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.FrameHeader;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.ApplicationData;
import io.fenghuo.gb26875.adu.ComponentAddress;
import io.fenghuo.gb26875.adu.ComponentState;
import io.fenghuo.gb26875.adu.ComponentStateBit;
import io.fenghuo.gb26875.adu.ComponentStatus;
import io.fenghuo.gb26875.adu.ComponentType;
import io.fenghuo.gb26875.adu.SystemType;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.adu.UitdState;
import io.fenghuo.gb26875.adu.UitdStateBit;
import io.fenghuo.gb26875.adu.UitdStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalNormalizerTest {

  static final DeviceAddress DEVICE = DeviceAddress.of("0140609623b2");
  static final Address UITD = Address.of(0x0140609623b2L);
  static final TimeLabel SECOND = TimeLabel.of(LocalDateTime.of(2026, 11, 28, 23, 10, 5));

  final SignalNormalizer normalizer = new SignalNormalizer(ZoneId.of("Asia/Shanghai"));

  @Test
  void aRetransmittedUploadYieldsTheSameIds() {
    Gb26875Message recovery = frame(Command.SEND_DATA, 1, componentNormal());

    assertThat(ids(recovery)).isEqualTo(ids(frame(Command.SEND_DATA, 1, componentNormal())));
  }

  @Test
  void anAnswerToAReadAndAnUploadWithTheSameSerialInTheSameSecondGetDifferentIds() {
    // The device's own recovery upload, and its answer to the centre's read of serial 1.
    Gb26875Message recovery = frame(Command.SEND_DATA, 1, componentNormal());
    Gb26875Message answer =
        frame(
            Command.RESPONSE,
            1,
            TypedData.of(
                TypeFlag.UITD_STATE,
                new UitdStatus(UitdState.of(UitdStateBit.NORMAL_MONITORING), SECOND)));

    assertThat(ids(recovery)).hasSize(1).doesNotContainAnyElementsOf(ids(answer));
  }

  private static ApplicationData componentNormal() {
    return TypedData.of(
        TypeFlag.COMPONENT_STATE,
        new ComponentStatus(
            SystemType.FIRE_ALARM_SYSTEM,
            1,
            ComponentType.SMOKE_DETECTOR,
            ComponentAddress.of(1203),
            ComponentState.of(ComponentStateBit.NORMAL),
            "",
            SECOND));
  }

  private static Gb26875Message frame(Command command, int serial, ApplicationData data) {
    return new Gb26875Message(FrameHeader.of(serial, SECOND, UITD, Address.ZERO, command), data);
  }

  private List<String> ids(Gb26875Message message) {
    return normalizer.normalize(DEVICE, message, Instant.now()).stream()
        .map(NormalizedSignal::id)
        .toList();
  }
}
