package io.fenghuo.simulator.fleet;

import java.nio.charset.Charset;

/** The 31-byte GB 18030 limit of component descriptions (§8.2.1.2, fig. 7). */
final class Gb18030 {

  static final Charset CHARSET = Charset.forName("GB18030");
  static final int DESCRIPTION_BYTES = 31;

  private Gb18030() {}

  static void checkFits(String text) {
    int n = text.getBytes(CHARSET).length;
    if (n > DESCRIPTION_BYTES) {
      throw new IllegalArgumentException(
          "description needs " + n + " bytes in GB 18030, at most 31 fit: '" + text + "'");
    }
  }

  /** The longest prefix of {@code text} that fits 31 bytes. */
  static String truncate(String text) {
    String t = text;
    while (t.getBytes(CHARSET).length > DESCRIPTION_BYTES) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }
}
