package io.fenghuo.gb26875.frame;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.FrameHeader;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.profile.TimeEncoding;
import io.netty.buffer.ByteBuf;

/**
 * Offsets, limits and checksum of the frame (数据包), GB/T 26875.3-2011 §6.6, table 1.
 *
 * <pre>
 * offset  bytes(1-based)  field
 * 0       1–2             start marker 40 40 ('@@')
 * 2       3–4             serial, uint16 LE                  ┐
 * 4       5               main version                       │
 * 5       6               user version                       │ control unit:
 * 6       7–12            time label                         │ covered by the
 * 12      13–18           source address, LE                 │ checksum
 * 18      19–24           destination address, LE            │
 * 24      25–26           ADU length L, uint16 LE, ≤ 1024    │
 * 26      27              command byte                       ┘
 * 27      28…27+L         ADU                                ← also covered
 * 27+L    28+L            checksum: sum of bytes 3…27+L mod 256
 * 28+L    29+L, 30+L      end marker 23 23 ('##')
 * </pre>
 */
public final class FrameLayout {

  /** Start marker byte, decimal 64 ('@'), twice. */
  public static final int START_BYTE = 0x40;

  /** End marker byte, decimal 35 ('#'), twice. */
  public static final int END_BYTE = 0x23;

  /** Bytes 1–27: everything up to and including the command byte. */
  public static final int HEADER_LENGTH = 27;

  /** Frame length minus ADU length: header, checksum and end marker. */
  public static final int OVERHEAD = 30;

  /** Maximum ADU length L (table 1). */
  public static final int MAX_ADU_LENGTH = 1024;

  /** Maximum frame length, 30 + 1024. */
  public static final int MAX_FRAME_LENGTH = OVERHEAD + MAX_ADU_LENGTH;

  static final int SERIAL_OFFSET = 2;
  static final int TIME_OFFSET = 6;
  static final int LENGTH_OFFSET = 24;
  static final int COMMAND_OFFSET = 26;

  private FrameLayout() {}

  /**
   * The checksum of table 1: the arithmetic sum of bytes 3–27+L, carries discarded.
   *
   * @param buf the buffer holding the frame
   * @param frameStart index of the first start-marker byte
   * @param aduLength L
   */
  public static int checksum(ByteBuf buf, int frameStart, int aduLength) {
    int sum = 0;
    int end = frameStart + HEADER_LENGTH + aduLength;
    for (int i = frameStart + SERIAL_OFFSET; i < end; i++) {
      sum += buf.getByte(i);
    }
    return sum & 0xFF;
  }

  /**
   * Reads the ADU length field of a frame starting at {@code frameStart}; does not move indexes.
   */
  static int aduLength(ByteBuf buf, int frameStart) {
    return buf.getUnsignedShortLE(frameStart + LENGTH_OFFSET);
  }

  /** Parses bytes 3–27 of a frame starting at {@code frameStart}; does not move indexes. */
  static FrameHeader header(ByteBuf buf, int frameStart, TimeEncoding timeEncoding) {
    int serial = buf.getUnsignedShortLE(frameStart + SERIAL_OFFSET);
    int main = buf.getUnsignedByte(frameStart + 4);
    int user = buf.getUnsignedByte(frameStart + 5);
    byte[] time = new byte[TimeLabel.LENGTH];
    buf.getBytes(frameStart + TIME_OFFSET, time);
    byte[] address = new byte[Address.LENGTH];
    buf.getBytes(frameStart + 12, address);
    Address source = Address.fromBytes(address);
    buf.getBytes(frameStart + 18, address);
    Address destination = Address.fromBytes(address);
    int command = buf.getUnsignedByte(frameStart + COMMAND_OFFSET);
    return new FrameHeader(
        serial, main, user, TimeLabel.decode(time, timeEncoding), source, destination, command);
  }
}
