package io.fenghuo.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.id.DeviceAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  private static final DeviceAddress DEVICE = DeviceAddress.of("0140609623b2");
  private static final byte[] TIME_LABEL = {0x30, 0x12, 0x13, 0x01, 0x08, 0x14};

  @Test
  void aRetransmittedFrameYieldsTheSameIds() {
    String first = EventIds.forDeviceObject(DEVICE, 7, TIME_LABEL, 0, EventType.FIRE_ALARM_RAISED);
    String again =
        EventIds.forDeviceObject(DEVICE, 7, TIME_LABEL.clone(), 0, EventType.FIRE_ALARM_RAISED);

    assertThat(again).isEqualTo(first);
  }

  @Test
  void everyPartOfTheOriginChangesTheId() {
    Set<String> ids =
        Set.of(
            EventIds.forDeviceObject(DEVICE, 7, TIME_LABEL, 0, EventType.FIRE_ALARM_RAISED),
            EventIds.forDeviceObject(DEVICE, 8, TIME_LABEL, 0, EventType.FIRE_ALARM_RAISED),
            EventIds.forDeviceObject(DEVICE, 7, TIME_LABEL, 1, EventType.FIRE_ALARM_RAISED),
            EventIds.forDeviceObject(DEVICE, 7, TIME_LABEL, 0, EventType.STATUS_CHANGED),
            EventIds.forDeviceObject(
                DeviceAddress.of("0140609623b3"), 7, TIME_LABEL, 0, EventType.FIRE_ALARM_RAISED),
            EventIds.forDeviceObject(
                DEVICE,
                7,
                new byte[] {0x31, 0x12, 0x13, 0x01, 0x08, 0x14},
                0,
                EventType.FIRE_ALARM_RAISED));

    assertThat(ids).hasSize(6);
  }
}
