package io.fenghuo.gateway;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.signal.DisconnectReason;
import io.fenghuo.gateway.bindings.DeviceBindings;
import io.fenghuo.gateway.liveness.DeviceDirectory;
import io.fenghuo.gateway.liveness.Liveness;
import io.fenghuo.gateway.metrics.GatewayMetrics;
import io.fenghuo.gateway.server.DeviceServer;
import io.fenghuo.gateway.session.DeviceSession;
import io.fenghuo.gateway.session.SessionContext;
import io.fenghuo.gateway.session.Sessions;
import io.fenghuo.gateway.uplink.BackPressure;
import io.fenghuo.gateway.uplink.SignalNormalizer;
import io.fenghuo.gateway.uplink.SignalPublisher;
import io.fenghuo.gb26875.frame.FrameDefect;
import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;

/**
 * One gateway instance, in plain Java: the device server, the two Kafka lanes, back-pressure,
 * liveness and the sessions. The Spring application only wires it; tests build it directly.
 */
public final class Gateway implements AutoCloseable {

  private final GatewaySettings settings;
  private final GatewayMetrics metrics;
  private final SignalPublisher publisher;
  private final Liveness liveness;
  private final Sessions sessions = new Sessions();
  private final DeviceServer server;
  private final FrameStatistics statistics = new FrameStatistics();
  private final ScheduledExecutorService housekeeping;
  private final BackPressure backPressure;
  private InetSocketAddress address;

  public Gateway(
      GatewaySettings settings,
      Producer<String, EventEnvelope<?>> alarmProducer,
      Producer<String, EventEnvelope<?>> bulkProducer,
      DeviceDirectory directory,
      DeviceBindings bindings,
      ProfileSelector profiles,
      MeterRegistry registry,
      Clock clock) {
    this.settings = settings;
    this.metrics = new GatewayMetrics(registry);
    this.publisher =
        new SignalPublisher(
            settings.operator(), settings.instanceId(), alarmProducer, bulkProducer, metrics);
    this.liveness = new Liveness(directory, settings.instanceId(), settings.routeTtl());
    ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    this.backPressure =
        new BackPressure(settings.maxInFlight(), channels, Gateway::mayRead, metrics);
    SessionContext context =
        new SessionContext(
            settings,
            new SignalNormalizer(settings.deviceZone()),
            publisher,
            backPressure,
            liveness,
            bindings,
            metrics,
            sessions,
            profiles,
            clock);
    this.server = new DeviceServer(context, channels, statistics);
    this.housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gw-housekeeping");
              t.setDaemon(true);
              return t;
            });
    for (FrameDefect d : FrameDefect.values()) {
      metrics.gauge(
          "fenghuo.gateway.codec.rejected." + d.name().toLowerCase(),
          "Rejections counted by the frame decoders",
          () -> statistics.rejections(d));
    }
    metrics.gauge(
        "fenghuo.gateway.codec.accepted",
        "Frames the decoders accepted",
        statistics::framesAccepted);
    metrics.gauge("fenghuo.gateway.sessions", "Sessions with a known device", sessions::size);
  }

  private static boolean mayRead(Channel c) {
    DeviceSession s = c.pipeline().get(DeviceSession.class);
    return s == null || s.underOwnLimit();
  }

  /** Starts listening; returns the bound address. */
  public InetSocketAddress start() throws InterruptedException {
    address = server.start();
    long flush = settings.livenessFlushInterval().toMillis();
    long[] ticks = {0};
    long refreshEvery = Math.max(1, settings.routeTtl().toMillis() / 3 / flush);
    housekeeping.scheduleWithFixedDelay(
        () -> liveness.flush(java.time.Instant.now(), ++ticks[0] % refreshEvery == 0),
        flush,
        flush,
        TimeUnit.MILLISECONDS);
    return address;
  }

  public InetSocketAddress address() {
    return address;
  }

  public GatewaySettings settings() {
    return settings;
  }

  public GatewayMetrics metrics() {
    return metrics;
  }

  public Sessions sessions() {
    return sessions;
  }

  public SignalPublisher publisher() {
    return publisher;
  }

  public Liveness liveness() {
    return liveness;
  }

  public BackPressure backPressure() {
    return backPressure;
  }

  public FrameStatistics statistics() {
    return statistics;
  }

  public int connections() {
    return server.connections();
  }

  @Override
  public void close() {
    for (DeviceSession s : sessions.all()) {
      s.execute(() -> s.close(DisconnectReason.GATEWAY_SHUTDOWN, null));
    }
    server.close();
    housekeeping.shutdownNow();
    liveness.flush(java.time.Instant.now(), false);
    publisher.close();
  }
}
