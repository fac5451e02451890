package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.netty.buffer.ByteBuf;

/** Encodes {@link ApplicationData} as an ADU (GB/T 26875.3-2011 §7 fig. 5, §8.3). Stateless. */
public final class AduEncoder {

  private AduEncoder() {}

  /**
   * Writes the ADU. Does not check the 1024-byte limit; the frame writer does.
   *
   * @param data not null
   * @param profile not null
   * @param frameTime the frame's time label, written after each downstream object when the profile
   *     asks for vendor time labels; not null
   * @param out where to write
   * @throws IllegalArgumentException if an object cannot be represented on the wire (text too long
   *     for its field, missing time label the profile requires)
   */
  public static void encode(
      ApplicationData data, DeviceProfile profile, TimeLabel frameTime, ByteBuf out) {
    // Java 17: no pattern switch; ApplicationData is sealed to these three.
    if (data instanceof TypedData t) {
      encodeTyped(t, profile, frameTime, out);
    } else if (data instanceof OpaqueData o) {
      out.writeByte(o.typeFlagValue());
      out.writeBytes(o.payload());
    }
  }

  private static void encodeTyped(
      TypedData data, DeviceProfile profile, TimeLabel frameTime, ByteBuf out) {
    out.writeByte(data.type().value());
    out.writeByte(data.objects().size());
    ObjectCodec<?> codec = ObjectCodecs.forType(data.type());
    boolean vendorLabel = AduDecoder.vendorTimeLabelLength(data.type(), profile) > 0;
    for (InformationObject o : data.objects()) {
      codec.writeAny(o, out, profile);
      if (vendorLabel) {
        frameTime.write(out, profile.timeEncoding());
      }
    }
  }
}
