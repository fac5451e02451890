package io.fenghuo.gb26875.adu;

/** Range checks and code-table lookups shared by the wire value types. */
final class WireRanges {

  private WireRanges() {}

  static void checkByte(String name, int value) {
    check(name, value, 0xFF);
  }

  static void check(String name, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(name + " out of range 0–" + max + ": " + value);
    }
  }

  static void checkUint32(String name, long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(name + " does not fit 4 bytes: " + value);
    }
  }

  /** Table tables reserve 128–255 for users; everything else without a name is reserved. */
  static String label(String[] labels, int code) {
    if (labels[code] != null) {
      return labels[code];
    }
    return code >= 128 ? "用户自定义" : "预留";
  }
}
