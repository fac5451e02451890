package io.fenghuo.gb26875.profile;

/**
 * How the six bytes of a time label carry their numbers (GB/T 26875.3-2011 §8.2.2, fig. 17).
 *
 * <p>The figure gives only value ranges; binary is the reading consistent with the rest of the
 * standard and with most devices. Some firmware (and the 赋安 private frames) write BCD.
 */
public enum TimeEncoding {
  /** One unsigned binary number per byte: {@code 0x3B} is 59. The standard's reading. */
  BINARY {
    @Override
    public int decode(int wireByte) {
      return wireByte & 0xFF;
    }

    @Override
    public int encode(int value) {
      return value;
    }
  },
  /** Two decimal digits per byte: {@code 0x59} is 59. A vendor deviation. */
  BCD {
    @Override
    public int decode(int wireByte) {
      int hi = (wireByte >> 4) & 0x0F;
      int lo = wireByte & 0x0F;
      return hi > 9 || lo > 9 ? -1 : hi * 10 + lo;
    }

    @Override
    public int encode(int value) {
      return ((value / 10) << 4) | (value % 10);
    }
  };

  /**
   * @param wireByte the byte as read
   * @return the number it carries, or -1 if the byte is not valid in this encoding
   */
  public abstract int decode(int wireByte);

  /**
   * @param value 0–99
   * @return the wire byte
   */
  public abstract int encode(int value);
}
