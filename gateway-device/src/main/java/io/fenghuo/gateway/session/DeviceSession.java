package io.fenghuo.gateway.session;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.signal.DeviceConnected;
import io.fenghuo.contracts.signal.DeviceDisconnected;
import io.fenghuo.contracts.signal.DisconnectReason;
import io.fenghuo.contracts.signal.OperationFlag;
import io.fenghuo.contracts.signal.OperationRecorded;
import io.fenghuo.contracts.signal.StatusChanged;
import io.fenghuo.contracts.signal.StatusSource;
import io.fenghuo.contracts.signal.TelemetryKind;
import io.fenghuo.contracts.signal.TelemetryReported;
import io.fenghuo.gateway.GatewaySettings;
import io.fenghuo.gateway.metrics.GatewayMetrics;
import io.fenghuo.gateway.uplink.Lane;
import io.fenghuo.gateway.uplink.NormalizedSignal;
import io.fenghuo.gateway.uplink.SignalNormalizer;
import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.ClockSync;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.frame.FrameRejected;
import io.fenghuo.gb26875.netty.Gb26875FrameDecoder;
import io.fenghuo.gb26875.session.Endpoint;
import io.fenghuo.gb26875.session.ExchangeOutcome;
import io.fenghuo.gb26875.session.RetransmissionPolicy;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UITD connection: learns the device address from the first valid frame, publishes each upload
 * and confirms it only after Kafka acknowledged every signal (ack after durable write), denies
 * frames that fail verification, confirms a retransmission again without republishing it, applies
 * back-pressure, coalesces heartbeats, enforces the idle and half-frame timeouts and runs the
 * centre-initiated exchanges (clock sync, reads, 查岗, initialise).
 *
 * <p>Everything runs on the channel's event loop; Kafka's answers are handed back to it.
 */
public final class DeviceSession extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(DeviceSession.class);
  private static final int MAX_REJECTS_WITHOUT_FRAME = 64;
  private static final long SLOW_ALARM_NANOS = 1_000_000_000L;

  private final SessionContext ctx;
  private final GatewaySettings settings;
  private final GatewayMetrics metrics;
  private final Gb26875FrameDecoder frameDecoder;
  private final UploadDeduplicator duplicates;
  private final List<PendingDutyCheck> dutyChecks = new ArrayList<>();

  private Channel channel;
  private String remote;
  private DeviceAddress device;
  private Endpoint endpoint;
  private Downlink downlink;
  private Instant connectedAt;
  private int inFlight;
  private long lastFrameNanos;
  private long pendingSinceNanos;
  private int rejectsInARow;
  private long lastHeartbeatPublished = Long.MIN_VALUE;
  private int lastUitdState = -1;
  private long lastUitdStatePublished = Long.MIN_VALUE;

  /** When this session last sent a clock sync, on the gateway's clock; null before the first. */
  private Instant lastClockSync;

  private DisconnectReason closeReason;
  private String closeDetail;
  private ScheduledFuture<?> ticker;

  private final FrameRate rate;

  /** Reading was switched on for one read although back-pressure holds this connection back. */
  private boolean pausedRead;

  public DeviceSession(SessionContext ctx, Gb26875FrameDecoder frameDecoder, FrameRate rate) {
    this.ctx = ctx;
    this.rate = rate;
    this.settings = ctx.settings();
    this.metrics = ctx.metrics();
    this.frameDecoder = frameDecoder;
    this.duplicates = new UploadDeduplicator(Duration.ofSeconds(120).toNanos(), 256);
  }

  /** The device, once learned; null before the first valid frame. */
  public DeviceAddress device() {
    return device;
  }

  public Channel channel() {
    return channel;
  }

  /** Whether this connection may read, as far as its own in-flight uploads are concerned. */
  public boolean underOwnLimit() {
    return inFlight < settings.maxInFlightPerConnection();
  }

  @Override
  public void channelActive(ChannelHandlerContext c) {
    channel = c.channel();
    remote = String.valueOf(channel.remoteAddress()).replaceFirst("^/", "");
    lastFrameNanos = System.nanoTime();
    long period = Math.max(100, Math.min(1000, settings.halfFrameTimeout().toMillis() / 3));
    ticker =
        channel.eventLoop().scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    c.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext c) {
    if (channel == null) {
      // Refused by a connection limit before the session started.
      c.fireChannelInactive();
      return;
    }
    if (ticker != null) {
      ticker.cancel(false);
    }
    DisconnectReason reason = closeReason != null ? closeReason : DisconnectReason.CLOSED_BY_DEVICE;
    if (closeReason != null) {
      log.info("closed session of {} from {}: {} {}", device, remote, reason, closeDetail);
    }
    metrics.disconnected(reason.name().toLowerCase());
    if (downlink != null) {
      downlink.abandon("connection closed");
    }
    for (PendingDutyCheck p : dutyChecks) {
      p.done.accept(DutyCheckResult.CONNECTION_LOST);
    }
    dutyChecks.clear();
    if (device != null) {
      ctx.sessions().remove(device, this);
      ctx.liveness().disconnected(device);
      Instant now = ctx.clock().instant();
      ctx.publisher()
          .publishEvent(
              connectionEventId("disconnected", now),
              now,
              new DeviceDisconnected(
                  device, settings.instanceId(), reason, closeDetail, connectedAt, now));
    }
    c.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
    if (closeReason == null) {
      closeReason = DisconnectReason.NETWORK_ERROR;
      closeDetail = cause.getMessage();
    }
    if (!(cause instanceof IOException)) {
      log.warn("session {} failed", device, cause);
    }
    c.close();
  }

  /** Closes the session, recording why. */
  public void close(DisconnectReason reason, String detail) {
    if (closeReason == null) {
      closeReason = reason;
      closeDetail = detail;
    }
    channel.close();
  }

  @Override
  public void channelRead(ChannelHandlerContext c, Object msg) {
    pendingSinceNanos = 0;
    if (msg instanceof FrameRejected r) {
      onRejected(r);
    } else if (msg instanceof Gb26875Message m) {
      rejectsInARow = 0;
      onMessage(m);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext c) {
    if (pausedRead) {
      pausedRead = false;
      if (heldBack()) {
        channel.config().setAutoRead(false);
      }
    }
    c.fireChannelReadComplete();
  }

  /** Whether back-pressure (this connection's or the instance's) holds this connection's reads. */
  private boolean heldBack() {
    return !underOwnLimit() || ctx.backPressure().isPaused();
  }

  private void onRejected(FrameRejected r) {
    metrics.decodeError(r.defect().name().toLowerCase());
    if (r.isDeniable()) {
      metrics.denied(r.defect().name().toLowerCase());
      channel.writeAndFlush(Gb26875Message.deny(r.header(), now()));
    }
    if (++rejectsInARow > MAX_REJECTS_WITHOUT_FRAME && device == null) {
      metrics.limited("protocol_errors");
      close(DisconnectReason.PROTOCOL_ERROR, rejectsInARow + " rejected frames, none valid");
    }
  }

  private void onMessage(Gb26875Message m) {
    long received = System.nanoTime();
    lastFrameNanos = received;
    DeviceAddress source = new DeviceAddress(m.header().source().value());
    String type = typeName(m);
    if (device == null) {
      learn(source);
    } else if (!device.equals(source)) {
      metrics.frame(type, "address_mismatch");
      metrics.denied("address_mismatch");
      channel.writeAndFlush(Gb26875Message.deny(m.header(), now()));
      return;
    }
    Instant receivedAt = ctx.clock().instant();
    ctx.liveness().seen(device, receivedAt);
    checkDrift(m, receivedAt);
    Command command = m.command();
    if (command == Command.SEND_DATA) {
      upload(m, type, received, receivedAt);
    } else if (command == Command.CONFIRM || command == Command.DENY) {
      boolean matched = downlink.onReply(m, received);
      metrics.frame(type, matched ? "reply" : "unmatched_reply");
    } else if (command == Command.RESPONSE) {
      boolean matched = downlink.onReply(m, received);
      metrics.frame(type, matched ? "response" : "unmatched_reply");
      // The answer to a read carries state like an upload: publish it, but do not confirm (§6.4).
      List<NormalizedSignal> signals = ctx.normalizer().normalize(device, m, receivedAt);
      if (!signals.isEmpty()) {
        ctx.publisher().publish(lane(signals), signals, registered(), remote);
      }
    } else {
      metrics.frame(type, "unexpected_command");
    }
  }

  private void learn(DeviceAddress source) {
    device = source;
    connectedAt = ctx.clock().instant();
    Address peer = Address.of(source.value());
    endpoint =
        new Endpoint(
            Address.of(settings.centreAddress()),
            peer,
            ctx.profiles().profileFor(peer),
            ctx.clock().withZone(settings.deviceZone()));
    downlink =
        new Downlink(
            new RetransmissionPolicy(settings.commandTimeout(), settings.commandRetries()),
            request -> channel.writeAndFlush(request));
    DeviceSession replaced = ctx.sessions().register(device, this);
    if (replaced != null) {
      replaced.channel.eventLoop().execute(() -> replaced.close(DisconnectReason.REPLACED, remote));
    }
    ctx.liveness().connected(device, connectedAt);
    ctx.publisher()
        .publishEvent(
            connectionEventId("connected", connectedAt),
            connectedAt,
            new DeviceConnected(device, settings.instanceId(), remote, connectedAt));
    syncClock("connect");
  }

  private void upload(Gb26875Message m, String type, long received, Instant receivedAt) {
    CompletableFuture<Void> earlier = duplicates.earlier(m, received);
    if (earlier != null) {
      // A retransmission (§6.5): confirmed again once the first copy's publish is acknowledged.
      // One that arrives while that publish is still waiting for Kafka says the device gave up
      // waiting for our confirm: counted apart, and logged for frames that may carry a fire.
      boolean inFlight = !earlier.isDone();
      metrics.frame(type, inFlight ? "duplicate_in_flight" : "duplicate");
      if (inFlight && duplicates.alarm(m)) {
        log.warn(
            "{} retransmitted fire frame {} while its first copy still waits for Kafka",
            device,
            m.header().serial());
      }
      earlier.whenComplete(
          (ok, e) ->
              channel
                  .eventLoop()
                  .execute(
                      () -> {
                        if (e == null) {
                          confirm(m, received, false);
                        }
                      }));
      return;
    }
    List<NormalizedSignal> signals = ctx.normalizer().normalize(device, m, receivedAt);
    noteDutyCheckReplies(signals);
    if (signals.isEmpty()) {
      metrics.frame(type, "confirmed_without_signal");
      confirm(m, received, false);
      return;
    }
    if (coalesce(signals, received)) {
      metrics.frame(type, "coalesced");
      confirm(m, received, false);
      return;
    }
    Lane lane = lane(signals);
    if (m.data() instanceof TypedData t && FrameRate.mayCarryFire(m.command(), t.type().value())) {
      // The frame gate left this frame's rate to us (fire first): a fire always goes through.
      if (lane == Lane.ALARM) {
        rate.acquire(received);
      } else if (!rate.tryAcquire(received)) {
        metrics.limited("frame_rate");
        metrics.frame(type, "rate_limited");
        return;
      }
    }
    if (lane == Lane.ALARM && heldBack()) {
      // Read while back-pressure holds this connection (the tick's read, or bytes read before the
      // pause): it goes through like any fire frame; counted, as evidence that it was held up.
      metrics.frame(type, "fire_read_while_paused");
    }
    if (lane == Lane.BULK && heldBack()) {
      // Decoded from bytes read before reading paused: leave it unconfirmed, the device resends
      // it (§6.5), rather than hold it in memory. Alarm frames always go through (fire first).
      metrics.frame(type, "deferred");
      return;
    }
    inFlight++;
    ctx.backPressure().acquire();
    if (!underOwnLimit()) {
      channel.config().setAutoRead(false);
    }
    CompletableFuture<Void> published =
        ctx.publisher().publish(lane, signals, registered(), remote);
    duplicates.remember(m, published, received, lane == Lane.ALARM);
    published.whenComplete(
        (ok, error) -> {
          long acked = System.nanoTime();
          channel
              .eventLoop()
              .execute(
                  () -> {
                    if (lane == Lane.ALARM && System.nanoTime() - received > SLOW_ALARM_NANOS) {
                      log.warn(
                          "fire frame {} of {}: {} {} ms after it was read (Kafka answered"
                              + " after {} ms, the event loop took {} ms more)",
                          m.header().serial(),
                          device,
                          error == null ? "confirmed" : "publish failed",
                          (System.nanoTime() - received) / 1_000_000,
                          (acked - received) / 1_000_000,
                          (System.nanoTime() - acked) / 1_000_000);
                    }
                    inFlight--;
                    ctx.backPressure().release();
                    if (underOwnLimit() && !ctx.backPressure().isPaused()) {
                      channel.config().setAutoRead(true);
                    }
                    if (error == null) {
                      metrics.frame(type, "confirmed");
                      confirm(m, received, lane == Lane.ALARM);
                    } else {
                      // No confirm: the device retransmits (§6.5), and the copy is published
                      // again.
                      duplicates.forget(m, published);
                      metrics.frame(type, "publish_failed");
                    }
                  });
        });
  }

  private boolean registered() {
    return ctx.bindings().isBound(device);
  }

  private static Lane lane(List<NormalizedSignal> signals) {
    return SignalNormalizer.carriesFire(signals) ? Lane.ALARM : Lane.BULK;
  }

  /**
   * Heartbeats (an empty upload, or a UITD state that did not change) update liveness every time
   * but reach Kafka at most once per device per heartbeat interval.
   */
  private boolean coalesce(List<NormalizedSignal> signals, long now) {
    if (signals.size() != 1) {
      return false;
    }
    long interval = settings.heartbeatInterval().toNanos();
    if (signals.get(0).data() instanceof TelemetryReported t
        && t.kind() == TelemetryKind.HEARTBEAT) {
      if (lastHeartbeatPublished != Long.MIN_VALUE && now - lastHeartbeatPublished < interval) {
        return true;
      }
      lastHeartbeatPublished = now;
      return false;
    }
    if (signals.get(0).data() instanceof StatusChanged s && s.source() == StatusSource.UITD) {
      if (s.rawState() == lastUitdState
          && lastUitdStatePublished != Long.MIN_VALUE
          && now - lastUitdStatePublished < interval) {
        return true;
      }
      lastUitdState = s.rawState();
      lastUitdStatePublished = now;
    }
    return false;
  }

  private void confirm(Gb26875Message m, long receivedNanos, boolean alarm) {
    if (!channel.isActive()) {
      return;
    }
    channel.writeAndFlush(Gb26875Message.confirm(m.header(), now()));
    metrics.confirmed(alarm, System.nanoTime() - receivedNanos);
  }

  private TimeLabel now() {
    return TimeLabel.of(LocalDateTime.now(ctx.clock().withZone(settings.deviceZone())));
  }

  private void tick() {
    long now = System.nanoTime();
    // While the gateway itself stopped reading (back-pressure) a started frame cannot complete.
    if (frameDecoder.pendingBytes() > 0 && channel.config().isAutoRead()) {
      if (pendingSinceNanos == 0) {
        pendingSinceNanos = now;
      } else if (now - pendingSinceNanos > settings.halfFrameTimeout().toNanos()) {
        metrics.limited("half_frame_timeout");
        close(DisconnectReason.PROTOCOL_ERROR, "half frame not completed in time");
        return;
      }
    } else {
      pendingSinceNanos = 0;
    }
    boolean heldBack = heldBack();
    if (!channel.config().isAutoRead()) {
      if (!heldBack) {
        // Nothing holds this connection back any more, yet it is not reading: a resume was missed
        // (the pause and its end cross threads). Read again rather than stay paused for good.
        metrics.limited("stale_read_pause");
        channel.config().setAutoRead(true);
      } else {
        // Fire first: a paused connection cannot read a fire alarm at all, and the pause may last
        // as long as Kafka is slow. So it reads once per tick: a fire frame goes through, bulk
        // frames are deferred (the device resends them), and reading stops again after the read
        // (channelReadComplete). Memory stays bounded; a fire frame waits at most about a tick.
        pausedRead = true;
        channel.config().setAutoRead(true);
      }
    }
    if (heldBack) {
      lastFrameNanos = now; // paused by us, not idle
    }
    if (now - lastFrameNanos > settings.idleTimeout().toNanos()) {
      metrics.limited("idle_timeout");
      close(DisconnectReason.IDLE_TIMEOUT, "no frame for " + settings.idleTimeout());
      return;
    }
    Instant wall = ctx.clock().instant();
    if (downlink != null) {
      downlink.tick(now);
      // GB 50440 keeps device clocks within 5 s: besides on connect and on drift, a connected
      // device is synchronised once per clock-sync-interval (daily by default). Measured on the
      // gateway's (injectable) clock, so tests need not wait a day.
      if (lastClockSync != null
          && !wall.isBefore(lastClockSync.plus(settings.clockSyncInterval()))) {
        syncClock("interval");
      }
    }
    for (Iterator<PendingDutyCheck> it = dutyChecks.iterator(); it.hasNext(); ) {
      PendingDutyCheck p = it.next();
      if (!wall.isBefore(p.deadline)) {
        it.remove();
        p.done.accept(DutyCheckResult.UNANSWERED);
      }
    }
  }

  // ---- centre-initiated exchanges ----

  /**
   * Sends a control command or read to the device and reports the outcome; must be called on the
   * session's event loop (see {@link #execute}).
   */
  void exchange(TypedData data, Consumer<Downlink.Result> done) {
    exchange(data, done, n -> {});
  }

  private void exchange(TypedData data, Consumer<Downlink.Result> done, Consumer<Integer> sent) {
    Gb26875Message request = data.type().isControl() ? endpoint.control(data) : endpoint.read(data);
    downlink.send(request, System.nanoTime(), done, sent);
  }

  /** Runs a task on the session's event loop. */
  public void execute(Runnable task) {
    channel.eventLoop().execute(task);
  }

  /** Result of a 查岗 once the device confirmed it. */
  public enum DutyCheckResult {
    ANSWERED,
    UNANSWERED,
    CONNECTION_LOST
  }

  private record PendingDutyCheck(Instant deadline, Consumer<DutyCheckResult> done) {}

  /** Waits for the 查岗 reply (a type-24 upload with bit 5) until the deadline. */
  void awaitDutyCheckReply(Instant deadline, Consumer<DutyCheckResult> done) {
    dutyChecks.add(new PendingDutyCheck(deadline, done));
  }

  private void noteDutyCheckReplies(List<NormalizedSignal> signals) {
    if (dutyChecks.isEmpty()) {
      return;
    }
    for (NormalizedSignal s : signals) {
      if (s.data() instanceof OperationRecorded op
          && op.onUitd()
          && op.operations().contains(OperationFlag.DUTY_CHECK_REPLY)) {
        PendingDutyCheck first = dutyChecks.remove(0);
        first.done.accept(DutyCheckResult.ANSWERED);
        return;
      }
    }
  }

  /**
   * Public entry for commands: runs {@link #exchange} on the event loop. {@code attempts} hears the
   * number of transmissions after each one and before {@code outcome}.
   */
  public void send(TypedData data, Consumer<ExchangeOutcome> outcome, Consumer<Integer> attempts) {
    execute(
        () -> {
          if (!channel.isActive() || downlink == null) {
            outcome.accept(new ExchangeOutcome.GaveUp(null, "not connected"));
            return;
          }
          exchange(
              data,
              r -> {
                attempts.accept(r.attempts());
                outcome.accept(r.outcome());
              },
              attempts);
        });
  }

  /** Public entry for 查岗 tracking; runs on the event loop. */
  public void trackDutyCheck(Instant deadline, Consumer<DutyCheckResult> done) {
    execute(() -> awaitDutyCheckReply(deadline, done));
  }

  private void checkDrift(Gb26875Message m, Instant receivedAt) {
    TimeLabel label = m.header().time();
    if (!label.isValid()) {
      return;
    }
    Instant deviceTime = label.dateTime().atZone(settings.deviceZone()).toInstant();
    Duration drift = Duration.between(receivedAt, deviceTime).abs();
    if (drift.compareTo(settings.clockDriftLimit()) > 0
        && (lastClockSync == null
            || receivedAt.isAfter(lastClockSync.plus(settings.clockDriftSyncGap())))) {
      syncClock("drift");
    }
  }

  private void syncClock(String why) {
    lastClockSync = ctx.clock().instant();
    TypedData sync = TypedData.of(TypeFlag.SYNCHRONISE_CLOCK, new ClockSync(now()));
    exchange(
        sync,
        r ->
            metrics.command(
                "sync_clock_" + why,
                r.outcome() instanceof ExchangeOutcome.Completed ? "confirmed" : "failed"));
  }

  private String connectionEventId(String what, Instant at) {
    return UUID.nameUUIDFromBytes(
            ("uitd/"
                    + device
                    + "/"
                    + what
                    + "/"
                    + settings.instanceId()
                    + "/"
                    + channel.id().asLongText()
                    + "/"
                    + at.toEpochMilli())
                .getBytes(StandardCharsets.US_ASCII))
        .toString();
  }

  private static String typeName(Gb26875Message m) {
    if (m.data() instanceof TypedData t) {
      return Integer.toString(t.type().value());
    }
    int v = m.data().typeFlagValue();
    return v < 0 ? "empty" : Integer.toString(v);
  }
}
