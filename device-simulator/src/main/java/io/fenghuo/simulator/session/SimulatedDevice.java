package io.fenghuo.simulator.session;

import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.adu.ApplicationData;
import io.fenghuo.gb26875.adu.NoData;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.adu.UitdOperationBit;
import io.fenghuo.gb26875.adu.UitdOperationFlags;
import io.fenghuo.gb26875.frame.FrameRejected;
import io.fenghuo.gb26875.session.Endpoint;
import io.fenghuo.gb26875.session.ExchangeOutcome;
import io.fenghuo.gb26875.session.RetransmissionTracker;
import io.fenghuo.simulator.SimulatorConfig;
import io.fenghuo.simulator.device.DeviceClock;
import io.fenghuo.simulator.device.DeviceEvent;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.device.DeviceState;
import io.fenghuo.simulator.device.Upload;
import io.fenghuo.simulator.device.UploadKind;
import io.fenghuo.simulator.report.SimulatorMetrics;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One simulated UITD: a TCP client of the centre that uploads what happens at its facilities,
 * retransmits unconfirmed uploads (§6.5), answers the centre's reads and control commands like a
 * device, and reconnects with jittered back-off.
 *
 * <p>Threading: everything runs on the device's own event loop (shared with many other devices), so
 * the state needs no locks and there is no thread per device. Public methods may be called from any
 * thread; they hand their work to the loop.
 *
 * <p>Serials and open exchanges are per connection (table 1: the serial starts at 0 when the
 * connection is set up). Uploads that were in flight when a connection dropped are re-queued and
 * sent again, with new serials, on the next connection; periodic uploads (heartbeat, status) are
 * dropped instead.
 */
public final class SimulatedDevice {

  private final DeviceSpec spec;
  private final SimulatorConfig config;
  private final EventLoop loop;
  private final Bootstrap bootstrap;
  private final SimulatorMetrics metrics;
  private final SplittableRandom rnd;
  private final DeviceClock clock;
  private final DeviceState state;
  private final DownlinkHandler downlinks;
  private final String label;

  private final ArrayDeque<Pending> outbox = new ArrayDeque<>();
  private final Map<Integer, Pending> inFlight = new HashMap<>();
  private final List<ScheduledFuture<?>> connectionTimers = new ArrayList<>();
  private final List<ScheduledFuture<?>> pendingDutyReplies = new ArrayList<>();

  private Channel channel;
  private Endpoint endpoint;
  private RetransmissionTracker tracker;
  private int reconnectAttempt;
  private long connectStartNanos;
  private boolean started;
  private boolean stopped;
  private boolean quiescing;
  private volatile boolean connected;

  /** An upload waiting for the wire or for its confirm. */
  private static final class Pending {
    final Upload upload;
    final CompletableFuture<Delivery> result;
    final long createdNanos;
    long firstSentNanos;
    int retransmissions;

    Pending(Upload upload, CompletableFuture<Delivery> result) {
      this.upload = upload;
      this.result = result;
      this.createdNanos = System.nanoTime();
    }
  }

  /**
   * Use {@link io.fenghuo.simulator.Fleet} to create devices; this constructor is for it.
   *
   * @param bootstrap a template with channel type and options; cloned onto {@code loop}
   * @param seed seeds the device's random choices (reconnect jitter, duty-check delays, points)
   */
  public SimulatedDevice(
      DeviceSpec spec,
      SimulatorConfig config,
      EventLoop loop,
      Bootstrap bootstrap,
      SimulatorMetrics metrics,
      long seed) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.config = Objects.requireNonNull(config, "config");
    this.loop = Objects.requireNonNull(loop, "loop");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.rnd = new SplittableRandom(seed);
    this.clock = new DeviceClock(config.clock());
    this.state = new DeviceState(spec);
    this.label = spec.addressText();
    this.downlinks = new DownlinkHandler(this);
    this.bootstrap =
        bootstrap
            .clone(loop)
            .remoteAddress(config.centre())
            .handler(new DeviceChannelInitializer(spec.profile(), this));
  }

  // ---- public API (any thread) ----

  /** The device's configuration. */
  public DeviceSpec spec() {
    return spec;
  }

  /** The address in text form, 12 hex digits. */
  public String addressText() {
    return label;
  }

  /** True while a TCP connection to the centre is up. */
  public boolean isConnected() {
    return connected;
  }

  /** How far the device clock is from the host clock, as the last clock sync set it. */
  public Duration clockOffset() {
    return clock.offset();
  }

  /** The loop this device runs on; scenario and background timers are scheduled here. */
  public EventLoop eventLoop() {
    return loop;
  }

  /** Connects (once); later connections follow by themselves after a loss. */
  public void start() {
    loop.execute(
        () -> {
          if (!started && !stopped) {
            started = true;
            connect();
          }
        });
  }

  /**
   * Lets something happen at the device and uploads what a real UITD would report about it.
   *
   * @return completes with the delivery of every resulting upload (confirmed or failed)
   */
  public CompletableFuture<List<Delivery>> apply(DeviceEvent event) {
    CompletableFuture<List<Delivery>> out = new CompletableFuture<>();
    run(
        () -> {
          if (event instanceof DeviceEvent.Disconnect) {
            if (channel != null) {
              channel.close();
            }
            out.complete(List.of());
            return;
          }
          List<CompletableFuture<Delivery>> each = new ArrayList<>();
          for (Upload u : state.apply(event, clock.timeLabel(), rnd)) {
            each.add(submit(u));
          }
          CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
              .thenRun(() -> out.complete(each.stream().map(CompletableFuture::join).toList()));
        });
    return out;
  }

  /**
   * Uploads caller-built data (command 2): any upload type, an opaque vendor type or {@link
   * NoData}.
   *
   * @return completes when the centre confirms or the upload fails
   */
  public CompletableFuture<Delivery> send(ApplicationData data) {
    CompletableFuture<Delivery> out = new CompletableFuture<>();
    run(() -> submit(new Upload(data, UploadKind.CUSTOM)).whenComplete(complete(out)));
    return out;
  }

  /**
   * Stops generating heartbeats, status, scenario and background events; still answers the centre
   * and finishes uploads already made.
   *
   * @return completes once the device's loop has applied it (no new periodic upload after that)
   */
  public CompletableFuture<Void> quiesce() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    run(
        () -> {
          quiescing = true;
          cancel(connectionTimers);
          done.complete(null);
        });
    return done;
  }

  /** True once {@link #quiesce()} or {@link #stop()} was called. */
  public boolean isQuiescing() {
    return quiescing;
  }

  /**
   * Closes the connection for good. Queued uploads and pending 查岗 replies fail.
   *
   * @return completes when the channel is closed
   */
  public CompletableFuture<Void> stop() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    run(
        () -> {
          stopped = true;
          quiescing = true;
          cancel(connectionTimers);
          for (ScheduledFuture<?> f : pendingDutyReplies) {
            if (f.cancel(false)) {
              metrics.dutyReplyCancelled();
            }
          }
          pendingDutyReplies.clear();
          while (!outbox.isEmpty()) {
            metrics.queuedChanged(-1);
            fail(outbox.poll(), "device stopped");
          }
          if (channel == null) {
            done.complete(null);
          } else {
            channel.close().addListener(f -> done.complete(null));
          }
        });
    return done;
  }

  // ---- connection lifecycle (event loop) ----

  private void connect() {
    if (stopped) {
      return;
    }
    metrics.connectAttempted();
    connectStartNanos = System.nanoTime();
    bootstrap
        .connect()
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                metrics.connectFailed();
                scheduleReconnect();
              }
            });
  }

  private void scheduleReconnect() {
    if (stopped) {
      return;
    }
    Duration delay = config.backoff().delay(reconnectAttempt++, rnd);
    loop.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  void onConnected(Channel ch) {
    if (stopped) {
      ch.close();
      return;
    }
    channel = ch;
    connected = true;
    endpoint = new Endpoint(spec.address(), config.centreAddress(), spec.profile(), clock);
    tracker = new RetransmissionTracker(config.retransmission());
    downlinks.onConnected();
    reconnectAttempt = 0;
    metrics.connected(System.nanoTime() - connectStartNanos);
    if (!quiescing) {
      startPeriodic();
    }
    flushOutbox();
  }

  void onDisconnected(Channel ch) {
    if (ch != channel) {
      return;
    }
    channel = null;
    connected = false;
    endpoint = null;
    tracker = null;
    metrics.disconnected(!stopped);
    cancel(connectionTimers);
    List<Pending> unconfirmed = new ArrayList<>(inFlight.values());
    inFlight.clear();
    unconfirmed.sort(Comparator.comparingLong((Pending p) -> p.createdNanos).reversed());
    for (Pending p : unconfirmed) {
      metrics.leftFlight();
      if (p.upload.kind().isPeriodic() || stopped) {
        metrics.dropped(p.upload.kind());
        p.result.complete(Delivery.failed(p.upload.kind(), p.retransmissions, "connection lost"));
      } else {
        p.retransmissions = 0;
        outbox.addFirst(p);
        metrics.queuedChanged(1);
      }
    }
    scheduleReconnect();
  }

  private void startPeriodic() {
    long hb = config.heartbeatInterval().toNanos();
    if (config.heartbeatMode() != HeartbeatMode.NONE) {
      // A random phase spreads a fleet's heartbeats over the interval instead of bursts.
      connectionTimers.add(
          loop.scheduleAtFixedRate(
              this::heartbeat, rnd.nextLong(hb) + 1, hb, TimeUnit.NANOSECONDS));
    }
    long status = config.statusInterval().toNanos();
    if (status > 0) {
      connectionTimers.add(
          loop.scheduleAtFixedRate(
              () -> apply(new DeviceEvent.Status()),
              rnd.nextLong(status) + 1,
              status,
              TimeUnit.NANOSECONDS));
    }
  }

  private void heartbeat() {
    ApplicationData data =
        config.heartbeatMode() == HeartbeatMode.UITD_STATE
            ? TypedData.of(TypeFlag.UITD_STATE, state.uitdStatus(clock.timeLabel()))
            : NoData.INSTANCE;
    submit(new Upload(data, UploadKind.HEARTBEAT));
  }

  // ---- uploads (event loop) ----

  private CompletableFuture<Delivery> submit(Upload upload) {
    Pending p = new Pending(upload, new CompletableFuture<>());
    if (quiescing && upload.kind().isPeriodic()) {
      // A heartbeat whose timer fired just before quiesce(): not worth delaying the stop for.
      p.result.complete(Delivery.failed(upload.kind(), 0, "quiescing"));
    } else if (channel != null) {
      transmit(p);
    } else if (upload.kind().isPeriodic() || stopped) {
      p.result.complete(Delivery.failed(upload.kind(), 0, "not connected"));
    } else {
      if (outbox.size() >= config.outboxCapacity()) {
        metrics.queuedChanged(-1);
        fail(outbox.pollFirst(), "outbox overflow while disconnected");
      }
      outbox.addLast(p);
      metrics.queuedChanged(1);
    }
    return p.result;
  }

  private void flushOutbox() {
    while (channel != null && !outbox.isEmpty()) {
      metrics.queuedChanged(-1);
      transmit(outbox.pollFirst());
    }
  }

  private void transmit(Pending p) {
    Gb26875Message msg = endpoint.upload(p.upload.data());
    long now = System.nanoTime();
    p.firstSentNanos = now;
    tracker.sent(msg, now);
    inFlight.put(msg.header().serial(), p);
    metrics.sent(p.upload.kind());
    write(msg);
    scheduleCheck();
  }

  /** Polls the tracker just after the reply deadline of what was just sent (§6.5.4). */
  private void scheduleCheck() {
    long delay = config.retransmission().timeout().toNanos() + 1_000_000;
    loop.schedule(this::checkTimeouts, delay, TimeUnit.NANOSECONDS);
  }

  private void checkTimeouts() {
    if (tracker != null) {
      for (ExchangeOutcome o : tracker.poll(System.nanoTime())) {
        onOutcome(o);
      }
    }
  }

  void onOutcome(ExchangeOutcome outcome) {
    if (outcome instanceof ExchangeOutcome.Completed c) {
      Pending p = inFlight.remove(c.request().header().serial());
      if (p != null) {
        long latency = System.nanoTime() - p.firstSentNanos;
        metrics.confirmed(p.upload.kind(), latency);
        p.result.complete(
            Delivery.confirmed(p.upload.kind(), p.retransmissions, Duration.ofNanos(latency)));
      }
    } else if (outcome instanceof ExchangeOutcome.Retransmit r) {
      Pending p = inFlight.get(r.request().header().serial());
      if (p != null) {
        p.retransmissions = r.attempt();
      }
      if (r.reason().startsWith("denied")) {
        metrics.denied();
      }
      metrics.retransmitted();
      write(r.request());
      scheduleCheck();
    } else if (outcome instanceof ExchangeOutcome.GaveUp g) {
      if (g.reason().startsWith("denied")) {
        metrics.denied();
      }
      Pending p = inFlight.remove(g.request().header().serial());
      if (p != null) {
        metrics.leftFlight();
        fail(p, g.reason() + " (" + config.retransmission().retries() + " retries)");
      }
    } else {
      metrics.unmatchedReply();
    }
  }

  private void fail(Pending p, String reason) {
    metrics.failed(p.upload.kind(), label, reason, p.retransmissions);
    p.result.complete(Delivery.failed(p.upload.kind(), p.retransmissions, reason));
  }

  // ---- inbound (event loop) ----

  void onInbound(Object msg) {
    if (endpoint == null) {
      return;
    }
    if (msg instanceof FrameRejected r) {
      metrics.frameRejected();
      if (r.isDeniable()) {
        write(endpoint.deny(r.header())); // §6.5.3: a frame that fails verification is denied
      }
      return;
    }
    Gb26875Message m = (Gb26875Message) msg;
    Command c = m.command();
    if (c == Command.CONFIRM || c == Command.DENY) {
      onOutcome(tracker.onReply(m, System.nanoTime()));
    } else {
      downlinks.onDownlink(m);
    }
  }

  /** Writes a packet; a packet that cannot be encoded is a simulator bug, counted and closed. */
  void write(Gb26875Message msg) {
    if (channel == null) {
      return;
    }
    channel
        .writeAndFlush(msg)
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (!f.isSuccess() && f.channel().isActive()) {
                    metrics.writeFailed();
                  }
                });
  }

  /** Schedules the human on duty's reply to a 查岗, or records that nobody answers. */
  void scheduleDutyReply() {
    Duration delay = config.dutyCheck().draw(rnd);
    if (delay == null) {
      metrics.dutyCheckMissed();
      return;
    }
    metrics.dutyReplyScheduled();
    ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
    self[0] =
        loop.schedule(
            () -> {
              pendingDutyReplies.remove(self[0]);
              metrics.dutyReplySent();
              apply(
                  new DeviceEvent.UitdOperationDone(
                      UitdOperationFlags.of(UitdOperationBit.DUTY_CHECK_REPLY),
                      config.dutyCheck().operator()));
            },
            delay.toNanos(),
            TimeUnit.NANOSECONDS);
    pendingDutyReplies.add(self[0]);
  }

  DeviceState state() {
    return state;
  }

  DeviceClock clock() {
    return clock;
  }

  Endpoint endpoint() {
    return endpoint;
  }

  SimulatorMetrics metrics() {
    return metrics;
  }

  private void run(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  private static void cancel(List<ScheduledFuture<?>> timers) {
    for (ScheduledFuture<?> f : timers) {
      f.cancel(false);
    }
    timers.clear();
  }

  private static <T> java.util.function.BiConsumer<T, Throwable> complete(
      CompletableFuture<T> out) {
    return (v, e) -> {
      if (e != null) {
        out.completeExceptionally(e);
      } else {
        out.complete(v);
      }
    };
  }

  @Override
  public String toString() {
    return "SimulatedDevice[" + label + (connected ? ", connected" : "") + "]";
  }
}
