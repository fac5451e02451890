package io.fenghuo.contracts.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The 6-byte address of a user information transmission device (UITD, 用户信息传输装置), as carried in the
 * source and destination fields of a GB/T 26875.3-2011 frame (§6.6, table 1: bytes 13–18 and 19–24,
 * low byte first).
 *
 * <p>The text form is the address read as an unsigned 48-bit number, in 12 lower-case hex digits,
 * most significant first: the wire bytes {@code B2 23 96 60 40 01} are {@code 0140609623b2}. This
 * is the record key of every device topic.
 *
 * @param value the address as an unsigned 48-bit number, 0 … 2<sup>48</sup>−1
 */
public record DeviceAddress(long value) {

  /** Number of bytes on the wire. */
  public static final int WIRE_LENGTH = 6;

  private static final long MAX = (1L << 48) - 1;
  private static final Pattern TEXT = Pattern.compile("[0-9a-fA-F]{12}");

  /**
   * @throws IllegalArgumentException if the value does not fit 48 unsigned bits
   */
  public DeviceAddress {
    if (value < 0 || value > MAX) {
      throw new IllegalArgumentException(
          "device address " + value + " is invalid: expected 0.." + MAX + " (6 bytes)");
    }
  }

  /**
   * Parses the 12-hex-digit text form.
   *
   * @throws IllegalArgumentException if the text is null or not 12 hex digits; the message names it
   */
  @JsonCreator
  public static DeviceAddress of(String text) {
    Ids.requireMatch("device address", text, TEXT, "12 hex digits (6 bytes), e.g. 0140609623b2");
    return new DeviceAddress(Long.parseLong(text, 16));
  }

  /**
   * Reads the address from its wire form, low byte first.
   *
   * @throws IllegalArgumentException if {@code wire} is null or not 6 bytes long
   */
  public static DeviceAddress fromWire(byte[] wire) {
    if (wire == null || wire.length != WIRE_LENGTH) {
      throw new IllegalArgumentException(
          "device address must be exactly 6 bytes, got "
              + (wire == null ? "null" : wire.length + " bytes"));
    }
    long v = 0;
    for (int i = WIRE_LENGTH - 1; i >= 0; i--) {
      v = (v << 8) | (wire[i] & 0xFF);
    }
    return new DeviceAddress(v);
  }

  /** The wire form, low byte first; a new array on every call. */
  public byte[] toWire() {
    byte[] wire = new byte[WIRE_LENGTH];
    for (int i = 0; i < WIRE_LENGTH; i++) {
      wire[i] = (byte) (value >>> (8 * i));
    }
    return wire;
  }

  @JsonValue
  @Override
  public String toString() {
    return HexFormat.of().toHexDigits(value).substring(4);
  }
}
