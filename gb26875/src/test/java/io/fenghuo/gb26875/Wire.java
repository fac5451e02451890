package io.fenghuo.gb26875;

import io.fenghuo.gb26875.frame.FrameRejected;
import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.netty.Gb26875Pipeline;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixtures written as hex with one comment per field. The checksum is computed here, by a
 * deliberately naive sum independent of the production code; everything else is literal.
 */
public final class Wire {

  /** The three real frames of the protocol reference's appendix. */
  public static final String FIREMASTER_FIRE_ALARM =
      "404001000101203A091A090C790300000000385B0100000030000202010101280A0002000200"
          + "20202020202020202020202020202020202020202020202020202020202000023A091A090C462323";

  public static final String FIREMASTER_CONFIRM =
      "404001000101233A091A090C385B01000000790300000000000003AB2323";
  public static final String READ_SYSTEM_STATE_REQUEST =
      "4040030001061E04110D06170000000000000000000000000400043D010102B02323";

  private Wire() {}

  /** Concatenates hex parts. */
  public static byte[] hex(String... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String p : parts) {
      out.writeBytes(Hex.parse(p));
    }
    return out.toByteArray();
  }

  /**
   * {@code 40 40} + the given control unit and ADU + checksum + {@code 23 23}. The caller writes
   * every header field, including the ADU length.
   */
  public static byte[] frame(String... controlUnitAndAdu) {
    byte[] body = hex(controlUnitAndAdu);
    int sum = 0;
    for (byte b : body) {
      sum += b & 0xFF;
    }
    return hex("40 40", Hex.format(body), String.format("%02x", sum & 0xFF), "23 23");
  }

  /**
   * A send-data (cmd 2) frame from UITD 0x0000_0012_3456 to centre 1 at 2024-03-05 14:30:15 with
   * the given ADU; the length field is computed from the ADU.
   */
  public static byte[] upload(String... adu) {
    return withHeader("02", adu);
  }

  /** As {@link #upload} but with another command byte and the centre as source. */
  public static byte[] withHeader(String command, String... adu) {
    byte[] a = hex(adu);
    return frame(
        "07 00", // serial 7
        "01", // main version 1
        "01", // user version 1
        "0F 1E 0E 05 03 18", // time 14:30:15 on 2024-03-05 (sec min hour day month year)
        "56 34 12 00 00 00", // source 0x123456, LE
        "01 00 00 00 00 00", // destination 1, LE
        String.format("%02x %02x", a.length & 0xFF, a.length >> 8), // ADU length, LE
        command, // command byte
        Hex.format(a));
  }

  /** A channel with the full codec, strict profile unless given. */
  public static EmbeddedChannel channel(ProfileSelector profiles, FrameStatistics statistics) {
    EmbeddedChannel ch = new EmbeddedChannel();
    Gb26875Pipeline.addCodec(ch.pipeline(), profiles, statistics);
    return ch;
  }

  public static EmbeddedChannel channel() {
    return channel(ProfileSelector.standard(), new FrameStatistics());
  }

  /** Writes bytes in one read and returns everything the pipeline emitted. */
  public static List<Object> decode(EmbeddedChannel ch, byte[] bytes) {
    ch.writeInbound(Unpooled.wrappedBuffer(bytes));
    return drain(ch);
  }

  public static List<Object> drain(EmbeddedChannel ch) {
    List<Object> out = new ArrayList<>();
    for (Object o; (o = ch.readInbound()) != null; ) {
      out.add(o);
    }
    return out;
  }

  /** Decodes one frame that must be valid. */
  public static Gb26875Message decodeOne(byte[] bytes) {
    List<Object> out = decode(channel(), bytes);
    if (out.size() != 1 || !(out.get(0) instanceof Gb26875Message m)) {
      throw new AssertionError("expected one message, got " + out);
    }
    return m;
  }

  /** Decodes one frame that must be rejected. */
  public static FrameRejected rejectOne(byte[] bytes) {
    List<Object> out = decode(channel(), bytes);
    if (out.isEmpty() || !(out.get(0) instanceof FrameRejected r)) {
      throw new AssertionError("expected a rejection first, got " + out);
    }
    return r;
  }
}
