package io.fenghuo.gb26875.profile;

import java.util.Objects;

/**
 * The deviations from GB/T 26875.3-2011 that one kind of device exhibits, as documented in the
 * protocol reference (docs: {@code shared/protocol/gb26875-3.md}). {@link #STANDARD} follows the
 * standard strictly and is the default everywhere.
 *
 * <p>A profile affects both directions symmetrically: whatever the decoder accepts under a profile,
 * the encoder produces under the same profile.
 *
 * @param name short name used in logs and by the decode tool's {@code --profile}; not null
 * @param timeEncoding binary (§8.2.2, standard) or BCD time labels, everywhere in the frame
 * @param downlinkObjectTimeLabels if true, every object of a downstream type (61–91) is followed by
 *     a 6-byte time label (FireMaster-style devices); the standard's figs. 31–46 show none
 * @param controlCommandByte the command byte for types 89, 90 and 91: 1 (control, table 2) by the
 *     standard; some devices expect 4 (request)
 * @param uitdStatusTimeLabel whether type-21 objects carry a time label (fig. 26)
 * @param textPadding byte used to pad fixed-length GB 18030 text when encoding: 0x00 (most devices)
 *     or 0x20 (依爱). Decoding always strips both.
 */
public record DeviceProfile(
    String name,
    TimeEncoding timeEncoding,
    boolean downlinkObjectTimeLabels,
    int controlCommandByte,
    UitdStatusTimeLabel uitdStatusTimeLabel,
    byte textPadding) {

  /** The standard, read strictly. */
  public static final DeviceProfile STANDARD =
      new DeviceProfile(
          "standard", TimeEncoding.BINARY, false, 1, UitdStatusTimeLabel.REQUIRED, (byte) 0);

  /**
   * FireMaster-style centre/device pairs (依爱 panels): a time label after every downstream object,
   * control command byte 1, space-padded descriptions.
   */
  public static final DeviceProfile FIREMASTER =
      new DeviceProfile(
          "firemaster", TimeEncoding.BINARY, true, 1, UitdStatusTimeLabel.REQUIRED, (byte) 0x20);

  /** Devices that write BCD time labels; otherwise standard. */
  public static final DeviceProfile BCD_TIME =
      STANDARD.withName("bcd-time").withTimeEncoding(TimeEncoding.BCD);

  /**
   * Tolerant reading for unknown firmware: type 21 with or without time label, control commands
   * sent as requests (cmd 4, as in the shootingfans codec's tests).
   */
  public static final DeviceProfile LENIENT =
      STANDARD
          .withName("lenient")
          .withUitdStatusTimeLabel(UitdStatusTimeLabel.OPTIONAL)
          .withControlCommandByte(4);

  /**
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if {@code controlCommandByte} is not 0–255
   */
  public DeviceProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeEncoding, "timeEncoding");
    Objects.requireNonNull(uitdStatusTimeLabel, "uitdStatusTimeLabel");
    if (controlCommandByte < 0 || controlCommandByte > 255) {
      throw new IllegalArgumentException("command byte out of range: " + controlCommandByte);
    }
  }

  /**
   * The built-in profile with this name: {@code standard}, {@code firemaster}, {@code bcd-time},
   * {@code lenient}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static DeviceProfile named(String name) {
    return switch (name) {
      case "standard" -> STANDARD;
      case "firemaster" -> FIREMASTER;
      case "bcd-time" -> BCD_TIME;
      case "lenient" -> LENIENT;
      default ->
          throw new IllegalArgumentException(
              "unknown profile '" + name + "'; known: standard, firemaster, bcd-time, lenient");
    };
  }

  public DeviceProfile withName(String value) {
    return new DeviceProfile(
        value,
        timeEncoding,
        downlinkObjectTimeLabels,
        controlCommandByte,
        uitdStatusTimeLabel,
        textPadding);
  }

  public DeviceProfile withTimeEncoding(TimeEncoding value) {
    return new DeviceProfile(
        name,
        value,
        downlinkObjectTimeLabels,
        controlCommandByte,
        uitdStatusTimeLabel,
        textPadding);
  }

  public DeviceProfile withDownlinkObjectTimeLabels(boolean value) {
    return new DeviceProfile(
        name, timeEncoding, value, controlCommandByte, uitdStatusTimeLabel, textPadding);
  }

  public DeviceProfile withControlCommandByte(int value) {
    return new DeviceProfile(
        name, timeEncoding, downlinkObjectTimeLabels, value, uitdStatusTimeLabel, textPadding);
  }

  public DeviceProfile withUitdStatusTimeLabel(UitdStatusTimeLabel value) {
    return new DeviceProfile(
        name, timeEncoding, downlinkObjectTimeLabels, controlCommandByte, value, textPadding);
  }

  public DeviceProfile withTextPadding(byte value) {
    return new DeviceProfile(
        name,
        timeEncoding,
        downlinkObjectTimeLabels,
        controlCommandByte,
        uitdStatusTimeLabel,
        value);
  }
}
