package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.netty.buffer.ByteBuf;

/** Reading and writing the fields that several information bodies share (§8.2.1). */
final class Fields {

  /** Component description: fixed 31 bytes (figs. 7 and 12). */
  static final int DESCRIPTION_LENGTH = 31;

  private Fields() {}

  static SystemType systemType(ByteBuf in) {
    return SystemType.of(in.readUnsignedByte());
  }

  static ComponentType componentType(ByteBuf in) {
    return ComponentType.of(in.readUnsignedByte());
  }

  static ComponentAddress componentAddress(ByteBuf in) {
    return new ComponentAddress(in.readUnsignedIntLE());
  }

  static TimeLabel time(ByteBuf in, DeviceProfile profile) {
    return TimeLabel.read(in, profile.timeEncoding());
  }

  static String description(ByteBuf in) {
    return Gb18030Text.read(in, DESCRIPTION_LENGTH);
  }

  static void writeTime(ByteBuf out, TimeLabel time, DeviceProfile profile) {
    time.write(out, profile.timeEncoding());
  }

  static void writeComponentAddress(ByteBuf out, ComponentAddress address) {
    out.writeIntLE((int) address.value());
  }

  static void writeDescription(ByteBuf out, String description, DeviceProfile profile) {
    Gb18030Text.writeFixed(
        description, DESCRIPTION_LENGTH, profile.textPadding(), out, "component description");
  }

  /**
   * Reads a 1-byte length L and L bytes of GB 18030 text (figs. 11 and 16).
   *
   * @throws MalformedAduException if L runs past the end of the ADU
   */
  static String lengthPrefixedText(ByteBuf in, String field) throws MalformedAduException {
    if (!in.isReadable()) {
      throw new MalformedAduException(field + ": length byte missing");
    }
    int length = in.readUnsignedByte();
    if (in.readableBytes() < length) {
      throw new MalformedAduException(
          field + ": length " + length + " but only " + in.readableBytes() + " bytes left in ADU");
    }
    return Gb18030Text.read(in, length);
  }

  static void writeLengthPrefixedText(ByteBuf out, String text, String field) {
    byte[] bytes = Gb18030Text.encode(text, 255, field);
    out.writeByte(bytes.length);
    out.writeBytes(bytes);
  }
}
