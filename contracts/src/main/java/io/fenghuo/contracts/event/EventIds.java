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
   * device address, the frame's command byte, serial and raw 6-byte time label, the data unit's
   * type flag, the object's index and the event type (one component fire state yields both a fire
   * alarm and a status change). The command and the type flag tell apart frames that share a serial
   * and a second: a device's answer to the centre's read (command 5, with the serial of the
   * centre's request) and an upload of its own (command 2) may both carry serial 1 in the same
   * second; with the same id, consumers would drop the second as a duplicate — a recovery lost, a
   * fault kept open.
   *
   * @param device the sending UITD; never null
   * @param commandByte the frame's command byte (2 send data, 5 response, ...)
   * @param frameSerial the frame's serial number (业务流水号)
   * @param timeLabel the frame's 6 raw time-label bytes, as sent; never null
   * @param typeFlag the data unit's type flag (类型标志), 0 for a frame without a data unit
   * @param objectIndex the index of the information object in the frame, from 0
   * @param type the type of the signal made from the object; never null
   * @throws NullPointerException if an argument is null
   */
  public static String forDeviceObject(
      DeviceAddress device,
      int commandByte,
      int frameSerial,
      byte[] timeLabel,
      int typeFlag,
      int objectIndex,
      EventType type) {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(timeLabel, "timeLabel");
    Objects.requireNonNull(type, "type");
    String name =
        "uitd/"
            + device
            + "/"
            + commandByte
            + "/"
            + frameSerial
            + "/"
            + HexFormat.of().formatHex(timeLabel)
            + "/"
            + typeFlag
            + "/"
            + objectIndex
            + "/"
            + type.wireName();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.US_ASCII)).toString();
  }
}
