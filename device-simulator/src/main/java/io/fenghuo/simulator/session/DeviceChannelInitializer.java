package io.fenghuo.simulator.session;

import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.netty.Gb26875Pipeline;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;

/**
 * The device end of the pipeline: the gb26875 codec under the device's own profile (a simulated
 * device speaks its firmware's dialect in both directions) and a thin handler that passes events to
 * its {@link SimulatedDevice} on the event loop.
 */
final class DeviceChannelInitializer extends ChannelInitializer<Channel> {

  /** Frame counters are not reported per device; one shared instance avoids 10,000 of them. */
  private static final FrameStatistics STATISTICS = new FrameStatistics();

  private final ProfileSelector profiles;
  private final SimulatedDevice device;

  DeviceChannelInitializer(DeviceProfile profile, SimulatedDevice device) {
    this.profiles = ProfileSelector.fixed(profile);
    this.device = device;
  }

  @Override
  protected void initChannel(Channel ch) {
    Gb26875Pipeline.addCodec(ch.pipeline(), profiles, STATISTICS);
    ch.pipeline().addLast("device", new Handler(device));
  }

  private static final class Handler extends SimpleChannelInboundHandler<Object> {
    private final SimulatedDevice device;

    Handler(SimulatedDevice device) {
      this.device = device;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      device.onConnected(ctx.channel());
      ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      device.onDisconnected(ctx.channel());
      ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
      device.onInbound(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // Connection resets when the centre goes away land here; the device reconnects.
      ctx.close();
    }
  }
}
