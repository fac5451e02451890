package io.fenghuo.gateway.server;

import io.fenghuo.gateway.metrics.GatewayMetrics;
import io.fenghuo.gb26875.Gb26875Frame;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.TimeLabel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Sits between the frame decoder and the message decoder of one connection and applies the
 * per-frame protection limits: frames longer than the configured maximum are denied (an ADU length
 * over the limit is a verification error, §6.5.3), and frames beyond the per-connection rate are
 * dropped without a reply (the device retransmits later). Both are counted.
 */
final class FrameGate extends ChannelInboundHandlerAdapter {

  private final int maxFrameLength;
  private final int maxFramesPerSecond;
  private final GatewayMetrics metrics;
  private final ZoneId zone;
  private long windowStart = System.nanoTime();
  private int framesInWindow;

  FrameGate(int maxFrameLength, int maxFramesPerSecond, GatewayMetrics metrics, ZoneId zone) {
    this.maxFrameLength = maxFrameLength;
    this.maxFramesPerSecond = maxFramesPerSecond;
    this.metrics = metrics;
    this.zone = zone;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Gb26875Frame frame) {
      long now = System.nanoTime();
      if (now - windowStart >= 1_000_000_000L) {
        windowStart = now;
        framesInWindow = 0;
      }
      if (++framesInWindow > maxFramesPerSecond) {
        metrics.limited("frame_rate");
        return;
      }
      if (frame.frameLength() > maxFrameLength) {
        metrics.limited("frame_length");
        metrics.denied("frame_too_long");
        ctx.writeAndFlush(
            Gb26875Message.deny(frame.header(), TimeLabel.of(LocalDateTime.now(zone))));
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }
}
