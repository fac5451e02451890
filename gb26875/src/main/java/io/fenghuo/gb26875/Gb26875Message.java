package io.fenghuo.gb26875;

import io.fenghuo.gb26875.adu.ApplicationData;
import io.fenghuo.gb26875.adu.NoData;
import java.util.Objects;

/**
 * A decoded GB/T 26875.3-2011 packet (数据包): the control unit and a typed application data unit. The
 * same type travels in both directions: the gateway decodes uploads and encodes confirms and
 * downlinks; the simulator does the reverse.
 *
 * @param header not null
 * @param data not null; {@link io.fenghuo.gb26875.adu.NoData} for an empty ADU
 */
public record Gb26875Message(FrameHeader header, ApplicationData data) {

  public Gb26875Message {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(data, "data");
  }

  /**
   * The confirm (cmd 3) of a received frame as every peer builds it (§6.2, §6.3; §6.6 only says the
   * serial is echoed): same serial, source and destination swapped, empty ADU.
   *
   * @param received header of the frame being confirmed; not null
   * @param now the confirming side's time; not null
   */
  public static Gb26875Message confirm(FrameHeader received, TimeLabel now) {
    return new Gb26875Message(received.reply(Command.CONFIRM, now), NoData.INSTANCE);
  }

  /**
   * The deny (cmd 6) of a received frame that failed verification (§6.5.3), built like {@link
   * #confirm}.
   *
   * @param received header of the frame being denied; not null
   * @param now the denying side's time; not null
   */
  public static Gb26875Message deny(FrameHeader received, TimeLabel now) {
    return new Gb26875Message(received.reply(Command.DENY, now), NoData.INSTANCE);
  }

  /** The command of table 2, or {@code null} for a reserved or user-defined command byte. */
  public Command command() {
    return header.command();
  }
}
