package io.fenghuo.gb26875.netty;

import io.fenghuo.gb26875.frame.FrameScanner;
import io.fenghuo.gb26875.frame.FrameStatistics;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Framing decoder (GB/T 26875.3-2011 §6.6): bytes in, {@link io.fenghuo.gb26875.Gb26875Frame} and
 * {@link io.fenghuo.gb26875.frame.FrameRejected} out. See {@link FrameScanner} for the state
 * machine and the resynchronisation rules. One instance per channel (not sharable); never throws on
 * bad input.
 */
public final class Gb26875FrameDecoder extends ByteToMessageDecoder {

  private final FrameScanner scanner;
  private final FrameStatistics statistics;

  /** A decoder with its own statistics. */
  public Gb26875FrameDecoder() {
    this(new FrameStatistics());
  }

  /**
   * @param statistics counters, typically shared by all channels of a server; not null
   */
  public Gb26875FrameDecoder(FrameStatistics statistics) {
    this.statistics = statistics;
    this.scanner = new FrameScanner(statistics);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    scanner.scan(in, out);
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    scanner.finish(in, out);
  }

  /** The counters this decoder updates. */
  public FrameStatistics statistics() {
    return statistics;
  }

  /** Bytes held back waiting for the rest of a frame; never more than 1053. */
  public int pendingBytes() {
    ByteBuf buffer = internalBuffer();
    return buffer == null ? 0 : buffer.readableBytes();
  }
}
