package io.fenghuo.contracts.event;

import io.fenghuo.contracts.id.DeviceAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Deterministic event ids (ARCHITECTURE.md §4). A device retransmits a frame it got no confirm for
 * with the same serial, time label and content; deriving the id from those makes the second copy
 * carry the same id, so every consumer's processed-event table drops it.
 */
public final class EventIds {

  private EventIds() {}

  /**
   * The id of a signal made from one information object of a device frame: a name-based UUID of
   * device address, frame serial, the frame's raw 6-byte time label, the object's index and the
   * event type (one component fire state yields both a fire alarm and a status change).
   *
   * @param device the sending UITD; never null
   * @param frameSerial the frame's serial number (业务流水号)
   * @param timeLabel the frame's 6 raw time-label bytes, as sent; never null
   * @param objectIndex the index of the information object in the frame, from 0
   * @param type the type of the signal made from the object; never null
   * @throws NullPointerException if an argument is null
   */
  public static String forDeviceObject(
      DeviceAddress device, int frameSerial, byte[] timeLabel, int objectIndex, EventType type) {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(timeLabel, "timeLabel");
    Objects.requireNonNull(type, "type");
    String name =
        "uitd/"
            + device
            + "/"
            + frameSerial
            + "/"
            + HexFormat.of().formatHex(timeLabel)
            + "/"
            + objectIndex
            + "/"
            + type.wireName();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.US_ASCII)).toString();
  }
}
