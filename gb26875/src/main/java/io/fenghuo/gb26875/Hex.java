package io.fenghuo.gb26875;

import java.util.HexFormat;

/** Hex helpers for fixtures, diagnostics and the decode tool. */
public final class Hex {

  private static final HexFormat SPACED = HexFormat.ofDelimiter(" ");

  private Hex() {}

  /** Lower-case hex with a space between bytes; {@code ""} for an empty array. */
  public static String format(byte[] bytes) {
    return SPACED.formatHex(bytes);
  }

  /**
   * Parses hex, ignoring whitespace, {@code :} and {@code -} separators and an optional {@code 0x}
   * prefix, so frames can be pasted from captures, logs and documents as they are.
   *
   * @throws IllegalArgumentException if what remains is not an even number of hex digits
   */
  public static byte[] parse(CharSequence text) {
    StringBuilder digits = new StringBuilder(text.length());
    String s = text.toString().strip();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == ':' || c == '-') {
        continue;
      }
      digits.append(c);
    }
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits: " + digits.length());
    }
    return HexFormat.of().parseHex(digits);
  }
}
