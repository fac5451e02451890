package io.fenghuo.gb26875;

/**
 * The command byte (命令字节) of the control unit: GB/T 26875.3-2011 §6.6, table 2.
 *
 * <pre>
 * value   meaning            mode (§6.1)
 * 0       reserved           -
 * 1       control command    send/confirm, centre → UITD (89 init, 90 clock sync, 91 duty check)
 * 2       send data          send/confirm, UITD → centre (uploads 1–28)
 * 3       confirm            reply to 1 and 2
 * 4       request            request/response, centre → UITD (reads 61–88)
 * 5       response           reply to 4
 * 6       deny               reply to 1, 2 or 4 that failed verification (§6.5.3)
 * 7–127   reserved           -
 * 128–255 user-defined       -
 * </pre>
 */
public enum Command {
  CONTROL(1),
  SEND_DATA(2),
  CONFIRM(3),
  REQUEST(4),
  RESPONSE(5),
  DENY(6);

  private static final Command[] BY_VALUE = new Command[256];

  static {
    for (Command c : values()) {
      BY_VALUE[c.value] = c;
    }
  }

  private final int value;

  Command(int value) {
    this.value = value;
  }

  /** The wire value. */
  public int value() {
    return value;
  }

  /**
   * Looks a command byte up in table 2.
   *
   * @param value 0–255
   * @return the command, or {@code null} for reserved and user-defined values
   */
  public static Command lookup(int value) {
    return value >= 0 && value < 256 ? BY_VALUE[value] : null;
  }

  /** True for 128–255, which table 2 leaves to users. */
  public static boolean isUserDefined(int value) {
    return value >= 128 && value <= 255;
  }

  /**
   * True if a receiver can recognise the byte: a table-2 command or a user-defined one. Reserved
   * values (0, 7–127) are "unrecognisable command bytes", a verification error under §6.5.3.
   */
  public static boolean isRecognised(int value) {
    return lookup(value) != null || isUserDefined(value);
  }

  /** True for commands that open an exchange (1, 2, 4), as opposed to replies (3, 5, 6). */
  public boolean initiates() {
    return this == CONTROL || this == SEND_DATA || this == REQUEST;
  }
}
