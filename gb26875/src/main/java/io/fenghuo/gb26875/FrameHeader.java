package io.fenghuo.gb26875;

import java.util.Objects;

/**
 * The control unit (控制单元) of a frame: bytes 3–27 of GB/T 26875.3-2011 §6.6, table 1, without the
 * ADU length, which follows from the ADU.
 *
 * <pre>
 * bytes  field               size  encoding
 * 3–4    serial 业务流水号       2     uint16 LE; initiator counts from 0, replier echoes
 * 5      main version         1     fixed 1 by the standard (some devices send 0)
 * 6      user version         1     user-defined
 * 7–12   time label           6     §8.2.2, time the packet was sent
 * 13–18  source address       6     LE
 * 19–24  destination address  6     LE
 * 25–26  ADU length           2     uint16 LE, ≤ 1024
 * 27     command byte         1     table 2
 * </pre>
 *
 * @param serial 0–65535
 * @param mainVersion 0–255; the standard fixes it at 1 but decoding accepts any value
 * @param userVersion 0–255
 * @param time not null; may be {@linkplain TimeLabel#isValid() invalid}
 * @param source not null
 * @param destination not null
 * @param commandByte 0–255; see {@link #command()}
 */
public record FrameHeader(
    int serial,
    int mainVersion,
    int userVersion,
    TimeLabel time,
    Address source,
    Address destination,
    int commandByte) {

  /** The main version the standard prescribes. */
  public static final int MAIN_VERSION = 1;

  /**
   * @throws IllegalArgumentException if a number is out of its byte range
   * @throws NullPointerException if an object argument is null
   */
  public FrameHeader {
    checkRange("serial", serial, 0xFFFF);
    checkRange("mainVersion", mainVersion, 0xFF);
    checkRange("userVersion", userVersion, 0xFF);
    checkRange("commandByte", commandByte, 0xFF);
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
  }

  /** A header with main version 1 and user version 1, the values most devices use. */
  public static FrameHeader of(
      int serial, TimeLabel time, Address source, Address destination, Command command) {
    return new FrameHeader(serial, MAIN_VERSION, 1, time, source, destination, command.value());
  }

  /** The command of table 2, or {@code null} for a reserved or user-defined command byte. */
  public Command command() {
    return Command.lookup(commandByte);
  }

  /**
   * The header of a reply to this frame as every peer builds it (§6.6 says only that the serial is
   * echoed): same serial and versions, source and destination swapped, the replier's own time.
   *
   * @param command the reply command (usually confirm, deny or response); not null
   * @param now the replier's time label; not null
   */
  public FrameHeader reply(Command command, TimeLabel now) {
    return new FrameHeader(
        serial, mainVersion, userVersion, now, destination, source, command.value());
  }

  private static void checkRange(String name, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(name + " out of range 0–" + max + ": " + value);
    }
  }
}
