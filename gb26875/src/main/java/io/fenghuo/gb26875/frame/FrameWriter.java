package io.fenghuo.gb26875.frame;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.FrameHeader;
import io.fenghuo.gb26875.Gb26875Frame;
import io.fenghuo.gb26875.adu.AduEncoder;
import io.fenghuo.gb26875.adu.ApplicationData;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.profile.TimeEncoding;
import io.netty.buffer.ByteBuf;

/** Writes frames (GB/T 26875.3-2011 §6.6, table 1). Stateless. */
public final class FrameWriter {

  private FrameWriter() {}

  /**
   * Writes a complete frame: markers, header, the encoded ADU, checksum. On failure nothing is left
   * in {@code out}.
   *
   * @throws IllegalArgumentException if the ADU exceeds 1024 bytes or an object cannot be encoded
   */
  public static void write(
      FrameHeader header, ApplicationData data, DeviceProfile profile, ByteBuf out) {
    int start = out.writerIndex();
    try {
      writeHeader(header, profile.timeEncoding(), out);
      AduEncoder.encode(data, profile, header.time(), out);
      finish(out, start);
    } catch (RuntimeException e) {
      out.writerIndex(start);
      throw e;
    }
  }

  /**
   * Writes a frame whose ADU is already bytes (for relaying and for tests that need bad frames
   * wrapped in a good envelope).
   *
   * @throws IllegalArgumentException if the ADU exceeds 1024 bytes
   */
  public static void write(Gb26875Frame frame, TimeEncoding timeEncoding, ByteBuf out) {
    int start = out.writerIndex();
    try {
      writeHeader(frame.header(), timeEncoding, out);
      out.writeBytes(frame.adu());
      finish(out, start);
    } catch (RuntimeException e) {
      out.writerIndex(start);
      throw e;
    }
  }

  private static void writeHeader(FrameHeader header, TimeEncoding timeEncoding, ByteBuf out) {
    out.writeByte(FrameLayout.START_BYTE);
    out.writeByte(FrameLayout.START_BYTE);
    out.writeShortLE(header.serial());
    out.writeByte(header.mainVersion());
    out.writeByte(header.userVersion());
    header.time().write(out, timeEncoding);
    writeAddress(header.source(), out);
    writeAddress(header.destination(), out);
    out.writeShortLE(0); // ADU length, patched in finish()
    out.writeByte(header.commandByte());
  }

  private static void finish(ByteBuf out, int start) {
    int aduLength = out.writerIndex() - start - FrameLayout.HEADER_LENGTH;
    if (aduLength > FrameLayout.MAX_ADU_LENGTH) {
      throw new IllegalArgumentException(
          "ADU is " + aduLength + " bytes; table 1 allows at most 1024");
    }
    out.setShortLE(start + FrameLayout.LENGTH_OFFSET, aduLength);
    out.writeByte(FrameLayout.checksum(out, start, aduLength));
    out.writeByte(FrameLayout.END_BYTE);
    out.writeByte(FrameLayout.END_BYTE);
  }

  private static void writeAddress(Address address, ByteBuf out) {
    long v = address.value();
    out.writeIntLE((int) v);
    out.writeShortLE((int) (v >>> 32));
  }
}
