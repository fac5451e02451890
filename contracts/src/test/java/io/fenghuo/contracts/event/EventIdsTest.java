package io.fenghuo.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.id.DeviceAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  private static final DeviceAddress DEVICE = DeviceAddress.of("0140609623b2");
  private static final byte[] TIME_LABEL = {0x30, 0x12, 0x13, 0x01, 0x08, 0x14};
  private static final int SEND_DATA = 2;
  private static final int RESPONSE = 5;

  @Test
  void aRetransmittedFrameYieldsTheSameIds() {
    String first = id(DEVICE, SEND_DATA, 7, TIME_LABEL, 2, 0, EventType.FIRE_ALARM_RAISED);
    String again = id(DEVICE, SEND_DATA, 7, TIME_LABEL.clone(), 2, 0, EventType.FIRE_ALARM_RAISED);

    assertThat(again).isEqualTo(first);
  }

  @Test
  void everyPartOfTheOriginChangesTheId() {
    Set<String> ids =
        Set.of(
            id(DEVICE, SEND_DATA, 7, TIME_LABEL, 2, 0, EventType.FIRE_ALARM_RAISED),
            id(DEVICE, SEND_DATA, 8, TIME_LABEL, 2, 0, EventType.FIRE_ALARM_RAISED),
            id(DEVICE, SEND_DATA, 7, TIME_LABEL, 2, 1, EventType.FIRE_ALARM_RAISED),
            id(DEVICE, SEND_DATA, 7, TIME_LABEL, 2, 0, EventType.STATUS_CHANGED),
            id(DEVICE, SEND_DATA, 7, TIME_LABEL, 1, 0, EventType.FIRE_ALARM_RAISED),
            id(DEVICE, RESPONSE, 7, TIME_LABEL, 2, 0, EventType.FIRE_ALARM_RAISED),
            id(
                DeviceAddress.of("0140609623b3"),
                SEND_DATA,
                7,
                TIME_LABEL,
                2,
                0,
                EventType.FIRE_ALARM_RAISED),
            id(
                DEVICE,
                SEND_DATA,
                7,
                new byte[] {0x31, 0x12, 0x13, 0x01, 0x08, 0x14},
                2,
                0,
                EventType.FIRE_ALARM_RAISED));

    assertThat(ids).hasSize(8);
  }

  @Test
  void anAnswerToTheCentresReadAndAnUploadInTheSameSecondWithTheSameSerialAreTwoSignals() {
    // The centre's read had serial 1; the device's own recovery upload too, in the same second.
    String recovery = id(DEVICE, SEND_DATA, 1, TIME_LABEL, 2, 0, EventType.STATUS_CHANGED);
    String answer = id(DEVICE, RESPONSE, 1, TIME_LABEL, 28, 0, EventType.STATUS_CHANGED);

    assertThat(answer).isNotEqualTo(recovery);
  }

  private static String id(
      DeviceAddress device,
      int command,
      int serial,
      byte[] timeLabel,
      int typeFlag,
      int index,
      EventType type) {
    return EventIds.forDeviceObject(device, command, serial, timeLabel, typeFlag, index, type);
  }
}
