package io.fenghuo.gb26875.adu;

/**
 * Component address (部件地址): "4字节二进制数… 低字节先传输", GB/T 26875.3-2011 §8.2.1.2. Opaque to the standard;
 * many panels pack loop and point into it (e.g. loop in the low two bytes, point in the high two),
 * so both the number and the wire bytes are offered.
 *
 * @param value unsigned 32-bit value
 */
public record ComponentAddress(long value) {

  /** Bytes on the wire. */
  public static final int LENGTH = 4;

  /**
   * @throws IllegalArgumentException if {@code value} does not fit 4 unsigned bytes
   */
  public ComponentAddress {
    WireRanges.checkUint32("component address", value);
  }

  /** Equivalent to {@code new ComponentAddress(value)}. */
  public static ComponentAddress of(long value) {
    return new ComponentAddress(value);
  }

  /**
   * @param littleEndian exactly 4 bytes, low byte first; not null
   * @throws IllegalArgumentException if the array is not 4 bytes long
   */
  public static ComponentAddress fromBytes(byte[] littleEndian) {
    if (littleEndian.length != LENGTH) {
      throw new IllegalArgumentException("a component address is 4 bytes");
    }
    long v =
        (littleEndian[0] & 0xFFL)
            | (littleEndian[1] & 0xFFL) << 8
            | (littleEndian[2] & 0xFFL) << 16
            | (littleEndian[3] & 0xFFL) << 24;
    return new ComponentAddress(v);
  }

  /** The wire form: a new 4-byte array, low byte first. */
  public byte[] bytes() {
    return new byte[] {
      (byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)
    };
  }

  /** The low 16 bits, which many panels use as the loop (回路) number. */
  public int low16() {
    return (int) (value & 0xFFFF);
  }

  /** The high 16 bits, which many panels use as the point (点位) number. */
  public int high16() {
    return (int) (value >>> 16);
  }
}
