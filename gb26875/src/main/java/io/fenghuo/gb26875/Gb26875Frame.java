package io.fenghuo.gb26875;

import io.fenghuo.gb26875.frame.FrameLayout;
import java.util.Arrays;
import java.util.Objects;

/**
 * A frame that passed frame-level verification (markers, length bound, checksum, command byte; GB/T
 * 26875.3-2011 §6.5.3) with its application data unit (ADU) still as bytes. The message decoder
 * turns it into a {@link Gb26875Message}.
 *
 * <p>Immutable: the ADU is copied in and out.
 */
public final class Gb26875Frame {

  private final FrameHeader header;
  private final byte[] adu;
  private final long streamOffset;

  /**
   * @param header not null
   * @param adu the ADU bytes (0–1024); not null; copied
   * @param streamOffset offset of the start marker in the connection's byte stream, or -1 if
   *     unknown
   */
  public Gb26875Frame(FrameHeader header, byte[] adu, long streamOffset) {
    this.header = Objects.requireNonNull(header, "header");
    this.adu = Objects.requireNonNull(adu, "adu").clone();
    this.streamOffset = streamOffset;
  }

  public FrameHeader header() {
    return header;
  }

  /** A copy of the ADU bytes. */
  public byte[] adu() {
    return adu.clone();
  }

  /** ADU length L, 0–1024. */
  public int aduLength() {
    return adu.length;
  }

  /** Total frame length on the wire: 30 + L. */
  public int frameLength() {
    return FrameLayout.OVERHEAD + adu.length;
  }

  /** Offset of the start marker in the connection's byte stream, or -1 if unknown. */
  public long streamOffset() {
    return streamOffset;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Gb26875Frame f && header.equals(f.header) && Arrays.equals(adu, f.adu);
  }

  @Override
  public int hashCode() {
    return 31 * header.hashCode() + Arrays.hashCode(adu);
  }

  @Override
  public String toString() {
    return "Gb26875Frame[" + header + ", adu=" + Hex.format(adu) + "]";
  }
}
