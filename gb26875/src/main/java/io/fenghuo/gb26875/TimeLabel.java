package io.fenghuo.gb26875;

import io.fenghuo.gb26875.profile.TimeEncoding;
import io.netty.buffer.ByteBuf;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * A 6-byte time label (时间标签), GB/T 26875.3-2011 §8.2.2, fig. 17. Used in the frame header, after
 * most upload objects, and as the payload of types 8, 28, 64, 84 and 90.
 *
 * <pre>
 * +--------+--------+------+-----+-------+------------------+
 * | byte 1 | byte 2 | 3    | 4   | 5     | 6                |
 * | second | minute | hour | day | month | year (since 2000)|
 * | 0–59   | 0–59   | 0–23 | 1–31| 1–12  | 0–99             |
 * +--------+--------+------+-----+-------+------------------+
 * </pre>
 *
 * <p>Devices send impossible dates (all zero is common), so a label never fails a frame: an invalid
 * label keeps its raw bytes and has a {@code null} {@link #dateTime()}. The time zone is the
 * device's local time; the standard is silent, China Standard Time in practice.
 *
 * <p>Equality: two valid labels are equal if their date-times are; two invalid labels are equal if
 * their raw bytes are.
 */
public final class TimeLabel {

  /** Number of bytes a time label occupies on the wire. */
  public static final int LENGTH = 6;

  private final LocalDateTime dateTime;
  private final byte[] raw;

  private TimeLabel(LocalDateTime dateTime, byte[] raw) {
    this.dateTime = dateTime;
    this.raw = raw;
  }

  /**
   * A label for a moment; sub-second precision is dropped.
   *
   * @param dateTime local date-time in 2000–2099; not null
   * @throws IllegalArgumentException if the year is outside 2000–2099
   */
  public static TimeLabel of(LocalDateTime dateTime) {
    Objects.requireNonNull(dateTime, "dateTime");
    if (dateTime.getYear() < 2000 || dateTime.getYear() > 2099) {
      throw new IllegalArgumentException("a time label holds years 2000–2099: " + dateTime);
    }
    return new TimeLabel(dateTime.truncatedTo(ChronoUnit.SECONDS), null);
  }

  /**
   * Decodes six wire bytes; never fails on their content.
   *
   * @param raw exactly 6 bytes; not null; copied
   * @param encoding binary (standard) or BCD (vendor); not null
   * @throws IllegalArgumentException if {@code raw} is not 6 bytes long
   */
  public static TimeLabel decode(byte[] raw, TimeEncoding encoding) {
    if (raw.length != LENGTH) {
      throw new IllegalArgumentException("a time label is 6 bytes, got " + raw.length);
    }
    byte[] copy = raw.clone();
    return new TimeLabel(toDateTime(copy, encoding), copy);
  }

  /** Reads six bytes from {@code in} and decodes them as {@link #decode(byte[], TimeEncoding)}. */
  public static TimeLabel read(ByteBuf in, TimeEncoding encoding) {
    byte[] raw = new byte[LENGTH];
    in.readBytes(raw);
    return new TimeLabel(toDateTime(raw, encoding), raw);
  }

  private static LocalDateTime toDateTime(byte[] raw, TimeEncoding encoding) {
    int second = encoding.decode(raw[0]);
    int minute = encoding.decode(raw[1]);
    int hour = encoding.decode(raw[2]);
    int day = encoding.decode(raw[3]);
    int month = encoding.decode(raw[4]);
    int year = encoding.decode(raw[5]);
    if (second < 0 || minute < 0 || hour < 0 || day < 0 || month < 0 || year < 0 || year > 99) {
      return null;
    }
    try {
      return LocalDateTime.of(2000 + year, month, day, hour, minute, second);
    } catch (DateTimeException e) {
      return null; // e.g. 00 00 00 00 00 00, which several devices send
    }
  }

  /**
   * Writes the label: a valid label is encoded from its date-time in {@code encoding} (so a label
   * decoded from a BCD device can be re-sent to a binary one); an invalid one is written verbatim.
   */
  public void write(ByteBuf out, TimeEncoding encoding) {
    if (dateTime == null) {
      out.writeBytes(raw);
      return;
    }
    out.writeByte(encoding.encode(dateTime.getSecond()));
    out.writeByte(encoding.encode(dateTime.getMinute()));
    out.writeByte(encoding.encode(dateTime.getHour()));
    out.writeByte(encoding.encode(dateTime.getDayOfMonth()));
    out.writeByte(encoding.encode(dateTime.getMonthValue()));
    out.writeByte(encoding.encode(dateTime.getYear() - 2000));
  }

  /** The moment, or {@code null} if the wire bytes do not form a valid date-time. */
  public LocalDateTime dateTime() {
    return dateTime;
  }

  /** True if {@link #dateTime()} is not null. */
  public boolean isValid() {
    return dateTime != null;
  }

  /**
   * The bytes as received, or {@code null} for a label built with {@link #of(LocalDateTime)}.
   * Returns a copy.
   */
  public byte[] raw() {
    return raw == null ? null : raw.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TimeLabel other)) {
      return false;
    }
    if (dateTime != null || other.dateTime != null) {
      return Objects.equals(dateTime, other.dateTime);
    }
    return Arrays.equals(raw, other.raw);
  }

  @Override
  public int hashCode() {
    return dateTime != null ? dateTime.hashCode() : Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return dateTime != null ? dateTime.toString() : "invalid(" + Hex.format(raw) + ")";
  }
}
