package io.fenghuo.gb26875.frame;

/**
 * Why bytes were discarded instead of becoming a message. The first five are the verification
 * errors of GB/T 26875.3-2011 §6.5.3 (plus the ADU layout checks of §8.3); when the frame's header
 * was intact, the receiver replies deny (cmd 6) to them.
 */
public enum FrameDefect {
  /** Checksum byte ≠ sum of bytes 3…27+L mod 256 (table 1). Deniable. */
  BAD_CHECKSUM(true),
  /** Command byte reserved by table 2 (0, 7–127). Deniable. */
  UNKNOWN_COMMAND(true),
  /** ADU length field above 1024 (table 1). Deniable. */
  ADU_TOO_LONG(true),
  /** Bytes 29+L, 30+L are not {@code 23 23}. Deniable. */
  BAD_END_MARKER(true),
  /**
   * The ADU does not match its type's layout (object count vs. L, count above n, variable object
   * past the end; §8.3). Deniable.
   */
  MALFORMED_ADU(true),
  /** Bytes before a start marker {@code 40 40}: noise, a foreign protocol, resynchronisation. */
  NO_START_MARKER(false),
  /** The stream ended in the middle of a frame. */
  TRUNCATED(false);

  private final boolean verificationError;

  FrameDefect(boolean verificationError) {
    this.verificationError = verificationError;
  }

  /** True for the §6.5.3 verification errors, which call for a deny when the header is known. */
  public boolean isVerificationError() {
    return verificationError;
  }
}
