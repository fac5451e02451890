package io.fenghuo.gb26875.frame;

import io.fenghuo.gb26875.FrameHeader;
import io.fenghuo.gb26875.Hex;
import java.util.Arrays;
import java.util.Objects;

/**
 * A report of discarded input, emitted downstream in place of a message (the pipeline never throws
 * on bad input). The gateway logs and counts it, and replies deny when {@link #isDeniable()}.
 *
 * <p>Immutable.
 */
public final class FrameRejected {

  /** At most this many discarded bytes are kept for diagnostics (one maximal frame). */
  public static final int MAX_KEPT_BYTES = FrameLayout.MAX_FRAME_LENGTH;

  private final FrameDefect defect;
  private final long streamOffset;
  private final int length;
  private final FrameHeader header;
  private final String detail;
  private final byte[] bytes;

  /**
   * @param defect not null
   * @param streamOffset offset of the first discarded byte in the connection's stream, or -1
   * @param length number of bytes discarded
   * @param header the frame's header if it was intact enough to reply to, else null
   * @param detail what exactly is wrong, for humans; not null
   * @param bytes the discarded bytes, or their first {@link #MAX_KEPT_BYTES}; not null; copied
   */
  public FrameRejected(
      FrameDefect defect,
      long streamOffset,
      int length,
      FrameHeader header,
      String detail,
      byte[] bytes) {
    this.defect = Objects.requireNonNull(defect, "defect");
    this.streamOffset = streamOffset;
    this.length = length;
    this.header = header;
    this.detail = Objects.requireNonNull(detail, "detail");
    this.bytes =
        bytes.length > MAX_KEPT_BYTES ? Arrays.copyOf(bytes, MAX_KEPT_BYTES) : bytes.clone();
  }

  public FrameDefect defect() {
    return defect;
  }

  /** Offset of the first discarded byte in the connection's byte stream, or -1 if unknown. */
  public long streamOffset() {
    return streamOffset;
  }

  /** Number of bytes discarded. */
  public int length() {
    return length;
  }

  /** The header of the rejected frame, or {@code null} if none could be read (garbage). */
  public FrameHeader header() {
    return header;
  }

  /** What exactly is wrong, e.g. {@code "checksum byte 0x47, computed 0x46"}. Never null. */
  public String detail() {
    return detail;
  }

  /** A copy of the discarded bytes (at most {@link #MAX_KEPT_BYTES}). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * True if the receiver should reply deny (cmd 6, §6.2–6.4): a §6.5.3 verification error of a
   * frame whose header could be read, so the deny can echo its serial and address its source.
   */
  public boolean isDeniable() {
    return header != null && defect.isVerificationError();
  }

  @Override
  public String toString() {
    return "FrameRejected["
        + defect
        + " at "
        + streamOffset
        + " ("
        + length
        + " bytes): "
        + detail
        + (header == null ? "" : ", serial " + header.serial())
        + ", bytes="
        + Hex.format(bytes.length > 64 ? Arrays.copyOf(bytes, 64) : bytes)
        + (bytes.length > 64 ? " …" : "")
        + "]";
  }
}
