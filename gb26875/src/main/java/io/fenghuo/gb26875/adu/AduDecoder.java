package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an ADU (GB/T 26875.3-2011 §7 fig. 5, §8.3) into {@link ApplicationData}. Stateless.
 *
 * <p>Checks, each a reason to deny the frame: the object count is within the type's n; for
 * fixed-size layouts, count × object size equals the bytes after type flag and count (so a count
 * cannot make the decoder read past L, and trailing bytes are not silently ignored); variable
 * objects (types 6 and 26) stay within L. Text and time labels never fail a frame.
 */
public final class AduDecoder {

  private AduDecoder() {}

  /**
   * @param adu the ADU bytes, readable from reader index to writer index; consumed
   * @param profile not null
   * @return the data; never null
   * @throws MalformedAduException if the ADU does not match its type's layout
   */
  public static ApplicationData decode(ByteBuf adu, DeviceProfile profile)
      throws MalformedAduException {
    if (!adu.isReadable()) {
      return NoData.INSTANCE;
    }
    int typeValue = adu.readUnsignedByte();
    TypeFlag type = TypeFlag.lookup(typeValue);
    if (type == null) {
      byte[] payload = new byte[adu.readableBytes()];
      adu.readBytes(payload);
      return new OpaqueData(typeValue, payload);
    }
    if (!adu.isReadable()) {
      throw new MalformedAduException("type " + typeValue + ": object count missing (fig. 5)");
    }
    int count = adu.readUnsignedByte();
    if (count > type.maxObjects()) {
      throw new MalformedAduException(
          "type "
              + typeValue
              + ": "
              + count
              + " objects, the standard allows n ≤ "
              + type.maxObjects());
    }
    ObjectCodec<?> codec = ObjectCodecs.forType(type);
    int available = adu.readableBytes();
    int size = codec.objectSize(profile, count, available);
    int vendorLabel = vendorTimeLabelLength(type, profile);
    if (size != ObjectCodec.VARIABLE && count * (size + vendorLabel) != available) {
      throw new MalformedAduException(
          "type "
              + typeValue
              + ": "
              + count
              + " objects × "
              + (size + vendorLabel)
              + " bytes = "
              + count * (size + vendorLabel)
              + ", but the ADU carries "
              + available
              + " bytes after type and count");
    }
    List<InformationObject> objects = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      objects.add(codec.read(adu, profile, size));
      if (vendorLabel > 0) {
        checkReadable(adu, vendorLabel, typeValue, i);
        adu.skipBytes(vendorLabel);
      }
    }
    if (adu.isReadable()) {
      throw new MalformedAduException(
          "type " + typeValue + ": " + adu.readableBytes() + " bytes after the last object");
    }
    return new TypedData(type, objects);
  }

  /** FireMaster-style devices put a 6-byte time label after every downstream object. */
  static int vendorTimeLabelLength(TypeFlag type, DeviceProfile profile) {
    return type.direction() == TypeFlag.Direction.DOWN && profile.downlinkObjectTimeLabels()
        ? TimeLabel.LENGTH
        : 0;
  }

  private static void checkReadable(ByteBuf adu, int length, int type, int index)
      throws MalformedAduException {
    if (adu.readableBytes() < length) {
      throw new MalformedAduException("type " + type + ": object " + index + " truncated");
    }
  }
}
