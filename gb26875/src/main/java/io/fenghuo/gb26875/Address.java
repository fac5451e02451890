package io.fenghuo.gb26875;

import java.util.Objects;

/**
 * A 6-byte source or destination address of the frame header (GB/T 26875.3-2011 §6.6, table 1,
 * bytes 13–18 and 19–24), transmitted low byte first.
 *
 * <p>The standard gives the address no structure; UITDs use an IMEI or MAC fragment or a configured
 * number, and centres often use 0 or 1. The value is kept as an unsigned 48-bit number.
 *
 * @param value the address, {@code 0 ≤ value < 2^48}
 */
public record Address(long value) {

  /** Number of bytes an address occupies on the wire. */
  public static final int LENGTH = 6;

  private static final long MAX = (1L << 48) - 1;

  /** The all-zero address that many monitoring centres use for themselves. */
  public static final Address ZERO = new Address(0);

  /**
   * @throws IllegalArgumentException if {@code value} does not fit 48 unsigned bits
   */
  public Address {
    if (value < 0 || value > MAX) {
      throw new IllegalArgumentException("address does not fit 6 bytes: " + value);
    }
  }

  /** Equivalent to {@code new Address(value)}. */
  public static Address of(long value) {
    return new Address(value);
  }

  /**
   * Reads an address from its wire form.
   *
   * @param littleEndian exactly 6 bytes, low byte first; not null
   * @throws IllegalArgumentException if the array is not 6 bytes long
   */
  public static Address fromBytes(byte[] littleEndian) {
    Objects.requireNonNull(littleEndian, "littleEndian");
    if (littleEndian.length != LENGTH) {
      throw new IllegalArgumentException("an address is 6 bytes, got " + littleEndian.length);
    }
    long v = 0;
    for (int i = LENGTH - 1; i >= 0; i--) {
      v = (v << 8) | (littleEndian[i] & 0xFF);
    }
    return new Address(v);
  }

  /** The wire form: a new 6-byte array, low byte first. */
  public byte[] bytes() {
    byte[] out = new byte[LENGTH];
    long v = value;
    for (int i = 0; i < LENGTH; i++) {
      out[i] = (byte) v;
      v >>>= 8;
    }
    return out;
  }

  /** The wire bytes as space-separated hex, low byte first, e.g. {@code "38 5b 01 00 00 00"}. */
  public String toWireHex() {
    return Hex.format(bytes());
  }

  @Override
  public String toString() {
    return "Address[" + value + " (" + toWireHex() + ")]";
  }
}
