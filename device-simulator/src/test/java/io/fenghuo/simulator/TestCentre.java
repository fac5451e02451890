package io.fenghuo.simulator;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.netty.Gb26875Pipeline;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.fenghuo.gb26875.session.DuplicateFilter;
import io.fenghuo.gb26875.session.Endpoint;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A minimal monitoring centre for tests, on the gb26875 codec: confirms uploads (or withholds
 * confirms a predicate picks), records them, and sends reads and control commands to connected
 * devices, completing a future with the device's reply.
 */
final class TestCentre implements AutoCloseable {

  /** One received upload. */
  record Received(Address device, Gb26875Message message, boolean duplicate) {}

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final Map<Address, Session> sessions = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Received> uploads = new ConcurrentLinkedQueue<>();
  private final AtomicLong framesRejected = new AtomicLong();
  private final AtomicLong uploadCounter = new AtomicLong();
  private volatile boolean keepUploads = true;
  private volatile Predicate<Gb26875Message> confirm = m -> true;
  private Channel server;
  private int port;

  /** A centre on a free local port. */
  static TestCentre start() {
    TestCentre c = new TestCentre();
    c.bind(0);
    return c;
  }

  /** A centre on a given port. */
  static TestCentre startOn(int port) {
    TestCentre c = new TestCentre();
    c.bind(port);
    return c;
  }

  /** Counts uploads without keeping them (long measurement runs). */
  void forgetUploads() {
    keepUploads = false;
    uploads.clear();
  }

  /** Number of uploads received (cheap; for long runs). */
  long uploadCount() {
    return uploadCounter.get();
  }

  private void bind(int wanted) {
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 4096)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    channels.add(ch);
                    Gb26875Pipeline.addCodec(
                        ch.pipeline(),
                        ProfileSelector.fixed(DeviceProfile.STANDARD),
                        new FrameStatistics());
                    ch.pipeline().addLast(new Handler());
                  }
                });
    server = b.bind("127.0.0.1", wanted).syncUninterruptibly().channel();
    port = ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Stops listening and drops every connection, keeping the port for {@link #restart()}. */
  void stopListening() {
    server.close().syncUninterruptibly();
    channels.close().syncUninterruptibly();
    sessions.clear();
  }

  /** Listens again on the same port. */
  void restart() {
    bind(port);
  }

  InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", port);
  }

  /** Confirm only the uploads this accepts (the rest time out at the device). */
  void confirmOnly(Predicate<Gb26875Message> which) {
    this.confirm = which;
  }

  /** Every upload received, including retransmissions, in arrival order. */
  List<Received> uploads() {
    return List.copyOf(uploads);
  }

  /** Uploads from one device that satisfy {@code which}, duplicates excluded. */
  List<Gb26875Message> uploadsFrom(Address device, Predicate<Gb26875Message> which) {
    return uploads.stream()
        .filter(r -> r.device().equals(device) && !r.duplicate() && which.test(r.message()))
        .map(Received::message)
        .toList();
  }

  /** Devices that have sent at least one frame on their current connection. */
  int knownDevices() {
    return sessions.size();
  }

  long framesRejected() {
    return framesRejected.get();
  }

  /** Waits until the device has sent something on its current connection. */
  boolean awaitKnown(Address device, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!sessions.containsKey(device)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /**
   * Sends a read (61–88) or control command (89–91) to a device.
   *
   * @return the device's reply (confirm, response or deny)
   */
  CompletableFuture<Gb26875Message> send(Address device, TypedData data) {
    Session s = sessions.get(device);
    if (s == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("unknown " + device));
    }
    Gb26875Message msg = data.type().isControl() ? s.endpoint.control(data) : s.endpoint.read(data);
    return sendRaw(s, msg);
  }

  /** Writes bytes as they are, e.g. a corrupted frame. */
  void sendBytes(Address device, byte[] bytes) {
    sessions.get(device).channel.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(bytes));
  }

  /** The centre end used for a device, to build frames by hand. */
  Endpoint endpoint(Address device) {
    return sessions.get(device).endpoint;
  }

  /** Registers a reply future for a serial the test wrote itself. */
  CompletableFuture<Gb26875Message> expectReply(Address device, int serial) {
    CompletableFuture<Gb26875Message> f = new CompletableFuture<>();
    sessions.get(device).pending.put(serial, f);
    return f;
  }

  private CompletableFuture<Gb26875Message> sendRaw(Session s, Gb26875Message msg) {
    CompletableFuture<Gb26875Message> f = new CompletableFuture<>();
    s.pending.put(msg.header().serial(), f);
    s.channel.writeAndFlush(msg);
    return f.orTimeout(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    channels.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  private static final class Session {
    final Channel channel;
    final Endpoint endpoint;
    final DuplicateFilter duplicates = DuplicateFilter.standard();
    final Map<Integer, CompletableFuture<Gb26875Message>> pending = new ConcurrentHashMap<>();

    Session(Channel channel, Address device) {
      this.channel = channel;
      this.endpoint =
          new Endpoint(
              Address.ZERO,
              device,
              DeviceProfile.STANDARD,
              Clock.system(SimulatorConfig.DEFAULT_ZONE));
    }
  }

  private final class Handler extends SimpleChannelInboundHandler<Object> {
    private Session session;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof Gb26875Message m)) {
        framesRejected.incrementAndGet();
        return;
      }
      Address device = m.header().source();
      if (session == null) {
        session = new Session(ctx.channel(), device);
        sessions.put(device, session);
      }
      Command c = m.command();
      if (c == Command.SEND_DATA) {
        boolean repeat;
        synchronized (session.duplicates) {
          repeat = session.duplicates.isDuplicate(m, System.nanoTime());
        }
        uploadCounter.incrementAndGet();
        if (keepUploads) {
          uploads.add(new Received(device, m, repeat));
        }
        if (confirm.test(m)) {
          ctx.writeAndFlush(session.endpoint.confirm(m.header()));
        }
      } else if (c == Command.CONFIRM || c == Command.RESPONSE || c == Command.DENY) {
        CompletableFuture<Gb26875Message> f = session.pending.remove(m.header().serial());
        if (f != null) {
          f.complete(m);
        }
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (session != null) {
        sessions.remove(session.endpoint.peer(), session);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
