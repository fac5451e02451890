package io.fenghuo.gb26875;

import io.fenghuo.gb26875.adu.AduDecoder;
import io.fenghuo.gb26875.adu.ApplicationData;
import io.fenghuo.gb26875.adu.MalformedAduException;
import io.fenghuo.gb26875.frame.FrameDefect;
import io.fenghuo.gb26875.frame.FrameRejected;
import io.fenghuo.gb26875.frame.FrameScanner;
import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.frame.FrameWriter;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.fenghuo.gb26875.profile.TimeEncoding;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Message-level encode and decode without a Netty pipeline: the functions the pipeline handlers
 * call, offered to the simulator, tools and tests. Stateless and thread-safe.
 */
public final class Gb26875Codec {

  private Gb26875Codec() {}

  /**
   * Decodes a verified frame's ADU under a device profile. The header's time label is re-read in
   * the profile's encoding (the framing layer cannot know the device).
   *
   * @param frame not null
   * @param profile not null
   * @return the message; never null
   * @throws MalformedAduException if the ADU does not match its type's layout (deny-worthy)
   */
  public static Gb26875Message decode(Gb26875Frame frame, DeviceProfile profile)
      throws MalformedAduException {
    FrameHeader header = frame.header();
    if (profile.timeEncoding() != TimeEncoding.BINARY && header.time().raw() != null) {
      header =
          new FrameHeader(
              header.serial(),
              header.mainVersion(),
              header.userVersion(),
              TimeLabel.decode(header.time().raw(), profile.timeEncoding()),
              header.source(),
              header.destination(),
              header.commandByte());
    }
    ApplicationData data = AduDecoder.decode(Unpooled.wrappedBuffer(frame.adu()), profile);
    return new Gb26875Message(header, data);
  }

  /**
   * Like {@link #decode(Gb26875Frame, DeviceProfile)} but returns a {@link FrameRejected} with
   * {@link FrameDefect#MALFORMED_ADU} instead of throwing.
   *
   * @return a {@link Gb26875Message} or a {@link FrameRejected}; never null
   */
  public static Object decodeOrReject(Gb26875Frame frame, DeviceProfile profile) {
    try {
      return decode(frame, profile);
    } catch (MalformedAduException e) {
      ByteBuf wire = Unpooled.buffer(frame.frameLength());
      FrameWriter.write(frame, TimeEncoding.BINARY, wire);
      return new FrameRejected(
          FrameDefect.MALFORMED_ADU,
          frame.streamOffset(),
          frame.frameLength(),
          frame.header(),
          e.getMessage(),
          ByteBufUtil.getBytes(wire));
    }
  }

  /**
   * Decodes a byte stream (a capture, or bytes pasted as hex) into messages and rejection reports,
   * exactly as a pipeline would, including the end-of-stream report of a truncated frame.
   *
   * @param stream not null
   * @param selector chooses the profile by the frame's source address; not null
   * @return {@link Gb26875Message}s and {@link FrameRejected}s in stream order
   */
  public static List<Object> decodeStream(byte[] stream, ProfileSelector selector) {
    List<Object> frames = new ArrayList<>();
    new FrameScanner(new FrameStatistics()).finish(Unpooled.wrappedBuffer(stream), frames);
    List<Object> out = new ArrayList<>(frames.size());
    for (Object o : frames) {
      out.add(
          o instanceof Gb26875Frame f
              ? decodeOrReject(f, selector.profileFor(f.header().source()))
              : o);
    }
    return out;
  }

  /**
   * Encodes a message as a complete frame; nothing is written if it fails.
   *
   * @throws IllegalArgumentException if the message cannot be represented (ADU over 1024 bytes,
   *     text too long for its field, a time label the profile requires is missing)
   */
  public static void encode(Gb26875Message message, DeviceProfile profile, ByteBuf out) {
    FrameWriter.write(message.header(), message.data(), profile, out);
  }

  /**
   * Encodes a message into a new array.
   *
   * @throws IllegalArgumentException as {@link #encode(Gb26875Message, DeviceProfile, ByteBuf)}
   */
  public static byte[] encode(Gb26875Message message, DeviceProfile profile) {
    ByteBuf out = Unpooled.buffer(64);
    encode(message, profile, out);
    return ByteBufUtil.getBytes(out);
  }
}
