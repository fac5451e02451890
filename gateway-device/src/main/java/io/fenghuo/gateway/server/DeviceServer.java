package io.fenghuo.gateway.server;

import io.fenghuo.gateway.GatewaySettings;
import io.fenghuo.gateway.metrics.GatewayMetrics;
import io.fenghuo.gateway.session.DeviceSession;
import io.fenghuo.gateway.session.FrameRate;
import io.fenghuo.gateway.session.SessionContext;
import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.netty.Gb26875FrameDecoder;
import io.fenghuo.gb26875.netty.Gb26875Pipeline;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;

/**
 * The TCP server UITDs connect to. Pipeline per connection: connection limits → GB/T 26875.3 frame
 * decoder → frame gate (length, rate) → message decoder → encoder → {@link DeviceSession}.
 */
public final class DeviceServer implements AutoCloseable {

  private final GatewaySettings settings;
  private final SessionContext context;
  private final ChannelGroup channels;
  private final FrameStatistics statistics;
  private final ConnectionGuard guard;
  private final GatewayMetrics metrics;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private Channel serverChannel;

  public DeviceServer(SessionContext context, ChannelGroup channels, FrameStatistics statistics) {
    this.settings = context.settings();
    this.context = context;
    this.channels = channels;
    this.statistics = statistics;
    this.metrics = context.metrics();
    this.guard =
        new ConnectionGuard(
            settings.maxConnections(), settings.maxConnectionsPerSourceAddress(), metrics);
  }

  /** Binds the port; returns the bound address. */
  public InetSocketAddress start() throws InterruptedException {
    boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    ServerBootstrap b =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    channels.add(ch);
                    ch.pipeline().addLast("guard", guard);
                    Gb26875Pipeline.addCodec(ch.pipeline(), context.profiles(), statistics);
                    FrameRate rate = new FrameRate(settings.maxFramesPerSecond());
                    ch.pipeline()
                        .addAfter(
                            Gb26875Pipeline.FRAME_DECODER,
                            "frameGate",
                            new FrameGate(
                                settings.maxFrameLength(), rate, metrics, settings.deviceZone()));
                    Gb26875FrameDecoder decoder =
                        (Gb26875FrameDecoder) ch.pipeline().get(Gb26875Pipeline.FRAME_DECODER);
                    ch.pipeline().addLast("session", new DeviceSession(context, decoder, rate));
                  }
                });
    serverChannel = b.bind(settings.port()).sync().channel();
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** Open connections. */
  public int connections() {
    return guard.open();
  }

  @Override
  public void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    channels.close().awaitUninterruptibly();
    if (workers != null) {
      workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
      boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
