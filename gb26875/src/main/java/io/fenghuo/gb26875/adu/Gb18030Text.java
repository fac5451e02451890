package io.fenghuo.gb26875.adu;

import io.netty.buffer.ByteBuf;
import java.nio.charset.Charset;

/**
 * Text fields: GB 18030-2005 (GB/T 26875.3-2011 §8.2.1.2, .6, .7, .11). Decoding never fails:
 * undecodable bytes become U+FFFD, because devices stuff binary ids into descriptions and a frame
 * must not be lost for its description.
 */
final class Gb18030Text {

  static final Charset GB18030 = Charset.forName("GB18030");

  private Gb18030Text() {}

  /**
   * Decodes {@code length} bytes. Text ends at the first NUL (C-string padding, after which devices
   * leave stale buffer contents); trailing spaces (依爱's padding) are removed too.
   */
  static String read(ByteBuf in, int length) {
    int start = in.readerIndex();
    int end = start + length;
    int nul = in.indexOf(start, end, (byte) 0);
    int stop = nul < 0 ? end : nul;
    while (stop > start && in.getByte(stop - 1) == ' ') {
      stop--;
    }
    String text = in.toString(start, stop - start, GB18030);
    in.readerIndex(end);
    return text;
  }

  /**
   * Writes {@code text} into a fixed field of {@code length} bytes, padded with {@code padding}.
   *
   * @throws IllegalArgumentException if the encoded text is longer than the field
   */
  static void writeFixed(String text, int length, byte padding, ByteBuf out, String field) {
    byte[] bytes = encode(text, length, field);
    out.writeBytes(bytes);
    for (int i = bytes.length; i < length; i++) {
      out.writeByte(padding);
    }
  }

  /**
   * Encodes {@code text} for a length-prefixed field.
   *
   * @throws IllegalArgumentException if the encoded text is longer than {@code max} bytes
   */
  static byte[] encode(String text, int max, String field) {
    byte[] bytes = text.getBytes(GB18030);
    if (bytes.length > max) {
      throw new IllegalArgumentException(
          field + " is " + bytes.length + " bytes in GB 18030; the field holds " + max);
    }
    return bytes;
  }
}
