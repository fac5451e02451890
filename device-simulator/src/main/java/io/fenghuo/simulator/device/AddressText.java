package io.fenghuo.simulator.device;

import io.fenghuo.gb26875.Address;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The text form of a UITD address shared with {@code contracts}' {@code DeviceAddress}: the six
 * wire bytes read low byte first as an unsigned 48-bit number, written as 12 lower-case hex digits,
 * most significant first. Wire bytes {@code B2 23 96 60 40 01} are {@code 0140609623b2}.
 */
public final class AddressText {

  private AddressText() {}

  /** 12 lower-case hex digits. */
  public static String format(Address address) {
    return HexFormat.of().toHexDigits(address.value()).substring(4);
  }

  /**
   * Parses 12 hex digits (an optional {@code 0x} prefix is tolerated).
   *
   * @throws IllegalArgumentException if the text is not 12 hex digits
   */
  public static Address parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("0x")) {
      t = t.substring(2);
    }
    if (!t.matches("[0-9a-f]{12}")) {
      throw new IllegalArgumentException(
          "device address must be 12 hex digits (6 bytes), e.g. 0140609623b2: '" + text + "'");
    }
    return Address.of(Long.parseLong(t, 16));
  }
}
