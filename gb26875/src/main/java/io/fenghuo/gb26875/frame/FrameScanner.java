package io.fenghuo.gb26875.frame;

import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.FrameHeader;
import io.fenghuo.gb26875.Gb26875Frame;
import io.fenghuo.gb26875.profile.TimeEncoding;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * The framing state machine of GB/T 26875.3-2011 §6.6, table 1, independent of any Netty handler so
 * that the decode tool and benchmarks can drive it directly. One instance per byte stream; not
 * thread-safe.
 *
 * <pre>
 *            find 40 40                   ≥ 27 bytes, L ≤ 1024          ≥ 30 + L bytes
 * SEEK_START ──────────► AWAIT_HEADER ─────────────────────► AWAIT_FRAME ───────────────► SEEK_START
 *     ▲                        │ L > 1024: ADU_TOO_LONG            │ end ≠ 23 23: BAD_END_MARKER
 *     │                        │ (resync after the marker)         │   (resync after the marker)
 *     └────────────────────────┴───────────────────────────────────┤ checksum: BAD_CHECKSUM
 *                                                                  │ reserved cmd: UNKNOWN_COMMAND
 *                                                                  │   (skip the whole frame)
 *                                                                  └ else: emit Gb26875Frame
 * </pre>
 *
 * <p>Frames are delimited by the length field only; {@code 23 23} also occurs inside payloads, so
 * it is never searched for. A length or end-marker error means the boundary cannot be trusted, so
 * scanning resumes at the next {@code 40 40} after the bad start marker; a checksum or command
 * error with a good end marker skips the whole frame. No more than one maximal frame (1054 bytes)
 * is ever waited for.
 *
 * <p>Every discarded byte is reported as a {@link FrameRejected} in the output and counted in the
 * {@link FrameStatistics}. Garbage between frames is collected into one report per gap (flushed
 * with the next frame or rejection, at end of stream, or every 1054 bytes) instead of one per read.
 */
public final class FrameScanner {

  private enum State {
    SEEK_START,
    AWAIT_HEADER,
    AWAIT_FRAME
  }

  private final FrameStatistics statistics;
  private State state = State.SEEK_START;
  private int frameLength;

  /** Stream offset of the buffer's reader index. */
  private long consumed;

  private long garbageOffset;
  private int garbageLength;
  private final byte[] garbageBytes = new byte[FrameRejected.MAX_KEPT_BYTES];

  /**
   * @param statistics where to count; not null (may be shared between scanners)
   */
  public FrameScanner(FrameStatistics statistics) {
    this.statistics = statistics;
  }

  /**
   * Consumes as many complete frames and as much garbage from {@code in} as possible and adds a
   * {@link Gb26875Frame} or {@link FrameRejected} to {@code out} for each. Leaves at most one
   * incomplete frame (≤ 1053 bytes) unread. Never throws on bad input.
   */
  public void scan(ByteBuf in, List<Object> out) {
    boolean progress = true;
    while (progress) {
      progress =
          switch (state) {
            case SEEK_START -> seekStart(in, out);
            case AWAIT_HEADER -> awaitHeader(in, out);
            case AWAIT_FRAME -> awaitFrame(in, out);
          };
    }
  }

  /**
   * Ends the stream: scans what is left and reports any remaining bytes (an incomplete frame as
   * {@link FrameDefect#TRUNCATED}, stray bytes as {@link FrameDefect#NO_START_MARKER}).
   */
  public void finish(ByteBuf in, List<Object> out) {
    scan(in, out);
    int left = in.readableBytes();
    if (left > 0) {
      if (state == State.SEEK_START) {
        discardGarbage(in, left, out);
      } else {
        FrameHeader header =
            left >= FrameLayout.HEADER_LENGTH ? header(in, in.readerIndex()) : null;
        String expected = state == State.AWAIT_FRAME ? String.valueOf(frameLength) : "at least 27";
        reject(
            in,
            out,
            FrameDefect.TRUNCATED,
            left,
            header,
            "stream ended after " + left + " of " + expected + " frame bytes");
      }
    }
    flushGarbage(out);
    state = State.SEEK_START;
  }

  /** Offset in the stream of the next byte to be read. */
  public long streamOffset() {
    return consumed;
  }

  private boolean seekStart(ByteBuf in, List<Object> out) {
    int from = in.readerIndex();
    int to = in.writerIndex();
    int marker = findStartMarker(in, from, to);
    if (marker < 0) {
      // A trailing 0x40 may be the first half of a marker split across reads.
      int keep = to > from && in.getByte(to - 1) == FrameLayout.START_BYTE ? 1 : 0;
      discardGarbage(in, to - from - keep, out);
      return false;
    }
    discardGarbage(in, marker - from, out);
    // The garbage report is flushed with the next frame or rejection, which consume bytes in the
    // same call: Netty's ByteToMessageDecoder refuses output from a call that read nothing.
    state = State.AWAIT_HEADER;
    return true;
  }

  private boolean awaitHeader(ByteBuf in, List<Object> out) {
    if (in.readableBytes() < FrameLayout.HEADER_LENGTH) {
      return false;
    }
    int start = in.readerIndex();
    int aduLength = FrameLayout.aduLength(in, start);
    if (aduLength > FrameLayout.MAX_ADU_LENGTH) {
      reject(
          in,
          out,
          FrameDefect.ADU_TOO_LONG,
          resyncLength(in, start, FrameLayout.HEADER_LENGTH),
          header(in, start),
          "ADU length " + aduLength + " exceeds 1024 (table 1)");
      state = State.SEEK_START;
      return true;
    }
    frameLength = FrameLayout.OVERHEAD + aduLength;
    state = State.AWAIT_FRAME;
    return true;
  }

  private boolean awaitFrame(ByteBuf in, List<Object> out) {
    if (in.readableBytes() < frameLength) {
      return false;
    }
    state = State.SEEK_START;
    int start = in.readerIndex();
    int aduLength = frameLength - FrameLayout.OVERHEAD;
    int end = start + frameLength - 2;
    FrameHeader header = header(in, start);
    if (in.getByte(end) != FrameLayout.END_BYTE || in.getByte(end + 1) != FrameLayout.END_BYTE) {
      reject(
          in,
          out,
          FrameDefect.BAD_END_MARKER,
          resyncLength(in, start, frameLength),
          header,
          String.format(
              "end marker (bytes %d–%d for L = %d) is %02x %02x, expected 23 23",
              29 + aduLength,
              30 + aduLength,
              aduLength,
              in.getUnsignedByte(end),
              in.getUnsignedByte(end + 1)));
      return true;
    }
    int computed = FrameLayout.checksum(in, start, aduLength);
    int carried = in.getUnsignedByte(start + FrameLayout.HEADER_LENGTH + aduLength);
    if (computed != carried) {
      reject(
          in,
          out,
          FrameDefect.BAD_CHECKSUM,
          frameLength,
          header,
          String.format(
              "checksum byte is 0x%02x, sum of bytes 3–%d mod 256 is 0x%02x",
              carried, 27 + aduLength, computed));
      return true;
    }
    if (!Command.isRecognised(header.commandByte())) {
      reject(
          in,
          out,
          FrameDefect.UNKNOWN_COMMAND,
          frameLength,
          header,
          "command byte " + header.commandByte() + " is reserved (table 2)");
      return true;
    }
    flushGarbage(out);
    byte[] adu = new byte[aduLength];
    in.getBytes(start + FrameLayout.HEADER_LENGTH, adu);
    out.add(new Gb26875Frame(header, adu, consumed));
    statistics.accepted(frameLength);
    in.skipBytes(frameLength);
    consumed += frameLength;
    return true;
  }

  /** The frame decoder cannot know the device yet; profiles re-read the time label later. */
  private static FrameHeader header(ByteBuf in, int start) {
    return FrameLayout.header(in, start, TimeEncoding.BINARY);
  }

  /**
   * How many bytes of an untrustworthy frame to drop: up to the next possible start marker after
   * the bad one within the examined window, or the whole window.
   */
  private static int resyncLength(ByteBuf in, int start, int window) {
    int limit = start + window;
    for (int i = start + 1; i < limit; i++) {
      if (in.getByte(i) == FrameLayout.START_BYTE
          && (i + 1 == limit || in.getByte(i + 1) == FrameLayout.START_BYTE)) {
        return i - start;
      }
    }
    return window;
  }

  private static int findStartMarker(ByteBuf in, int from, int to) {
    int i = from;
    while (i < to - 1) {
      int at = in.indexOf(i, to - 1, (byte) FrameLayout.START_BYTE);
      if (at < 0) {
        return -1;
      }
      if (in.getByte(at + 1) == FrameLayout.START_BYTE) {
        return at;
      }
      i = at + 1;
    }
    return -1;
  }

  private void reject(
      ByteBuf in,
      List<Object> out,
      FrameDefect defect,
      int length,
      FrameHeader header,
      String detail) {
    flushGarbage(out);
    byte[] bytes = new byte[length];
    in.readBytes(bytes);
    out.add(new FrameRejected(defect, consumed, length, header, detail, bytes));
    statistics.rejected(defect, length);
    consumed += length;
  }

  private void discardGarbage(ByteBuf in, int length, List<Object> out) {
    if (length <= 0) {
      return;
    }
    if (garbageLength == 0) {
      garbageOffset = consumed;
    }
    int keep = Math.min(length, garbageBytes.length - Math.min(garbageLength, garbageBytes.length));
    in.getBytes(in.readerIndex(), garbageBytes, Math.min(garbageLength, garbageBytes.length), keep);
    in.skipBytes(length);
    consumed += length;
    garbageLength += length;
    if (garbageLength >= FrameLayout.MAX_FRAME_LENGTH) {
      flushGarbage(out);
    }
  }

  private void flushGarbage(List<Object> out) {
    if (garbageLength == 0) {
      return;
    }
    byte[] kept = new byte[Math.min(garbageLength, garbageBytes.length)];
    System.arraycopy(garbageBytes, 0, kept, 0, kept.length);
    out.add(
        new FrameRejected(
            FrameDefect.NO_START_MARKER,
            garbageOffset,
            garbageLength,
            null,
            garbageLength + " bytes before a start marker 40 40",
            kept));
    statistics.rejected(FrameDefect.NO_START_MARKER, garbageLength);
    garbageLength = 0;
  }
}
