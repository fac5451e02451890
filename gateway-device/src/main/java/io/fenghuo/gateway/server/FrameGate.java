package io.fenghuo.gateway.server;

import io.fenghuo.gateway.metrics.GatewayMetrics;
import io.fenghuo.gateway.session.FrameRate;
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
 * dropped without a reply (the device retransmits later). Both are counted. Frames that may carry a
 * fire alarm pass on to the session, which applies the rate after decoding (see {@link FrameRate}).
 */
final class FrameGate extends ChannelInboundHandlerAdapter {

  private final int maxFrameLength;
  private final FrameRate rate;
  private final GatewayMetrics metrics;
  private final ZoneId zone;

  FrameGate(int maxFrameLength, FrameRate rate, GatewayMetrics metrics, ZoneId zone) {
    this.maxFrameLength = maxFrameLength;
    this.rate = rate;
    this.metrics = metrics;
    this.zone = zone;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Gb26875Frame frame) {
      byte[] adu = frame.adu();
      boolean mayCarryFire =
          adu.length > 0 && FrameRate.mayCarryFire(frame.header().command(), adu[0] & 0xFF);
      if (!mayCarryFire && !rate.tryAcquire(System.nanoTime())) {
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
