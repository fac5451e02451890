package io.fenghuo.gateway;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.signal.DisconnectReason;
import io.fenghuo.gateway.bindings.BindingProfiles;
import io.fenghuo.gateway.bindings.DeviceBindings;
import io.fenghuo.gateway.command.CommandConsumer;
import io.fenghuo.gateway.command.CommandEndpoint;
import io.fenghuo.gateway.command.CommandExecutor;
import io.fenghuo.gateway.command.CommandRouter;
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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway instance, in plain Java: the device server, the two Kafka lanes, back-pressure,
 * liveness and the sessions. The Spring application only wires it; tests build it directly.
 */
public final class Gateway implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  private final GatewaySettings settings;
  private final GatewayMetrics metrics;
  private final SignalPublisher publisher;
  private final Liveness liveness;
  private final Sessions sessions = new Sessions();
  private final DeviceServer server;
  private final FrameStatistics statistics = new FrameStatistics();
  private final ScheduledExecutorService housekeeping;
  private final BackPressure backPressure;
  private final DeviceDirectory directory;
  private final CommandExecutor commandExecutor;
  private final CommandRouter commandRouter;
  private CommandConsumer commandConsumer;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  private InetSocketAddress address;

  /**
   * @param bindings the operator's device bindings; a binding's profile overrides {@code profiles}
   *     for that device ({@link BindingProfiles})
   * @param profiles the profile of devices whose binding names none (normally the standard)
   */
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
    this.directory = directory;
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
            new BindingProfiles(bindings, profiles, metrics::unknownProfile),
            clock);
    this.server = new DeviceServer(context, channels, statistics);
    this.commandExecutor = new CommandExecutor(settings, publisher, metrics, clock);
    this.commandRouter = new CommandRouter(settings, sessions, directory, commandExecutor, metrics);
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

  /**
   * Enables downlink commands: starts the internal endpoint other instances forward commands to
   * (announced in Redis, refreshed every third of {@code route-ttl}) and, if {@code groupId} is not
   * null, consumes the operator's {@code device.command} in that group. Without a shared secret
   * (this variant) the instance accepts no forwarded commands and its forwards are refused.
   *
   * @param commandPort port of the internal endpoint, 0 = any free port
   * @param advertisedHost how the other instances reach this one
   * @param kafka consumer client properties (bootstrap servers, security)
   * @param groupId the consumer group the operator's instances share, or null for no consumer
   */
  public void enableCommands(
      int commandPort, String advertisedHost, Map<String, Object> kafka, String groupId)
      throws IOException {
    enableCommands(new CommandEndpoint(commandPort, null, advertisedHost, null), kafka, groupId);
  }

  /**
   * Enables downlink commands (see {@link #enableCommands(int, String, Map, String)}) with the
   * internal endpoint's interface and the secret the operator's instances share to sign forwards.
   */
  public void enableCommands(CommandEndpoint config, Map<String, Object> kafka, String groupId)
      throws IOException {
    String endpoint = commandRouter.start(config);
    Duration ttl = settings.routeTtl();
    directory.announce(settings.instanceId(), endpoint, ttl);
    long every = Math.max(1_000, ttl.toMillis() / 3);
    housekeeping.scheduleWithFixedDelay(
        () -> {
          try {
            directory.announce(settings.instanceId(), endpoint, ttl);
          } catch (RuntimeException e) {
            // Redis away: the next round tries again; the mapping outlives one missed refresh.
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
    if (groupId != null) {
      commandConsumer =
          new CommandConsumer(
                  settings.operator(), kafka, groupId, commandRouter, metrics.registry())
              .start();
    }
  }

  public CommandRouter commandRouter() {
    return commandRouter;
  }

  /** The command consumer, or null if this instance does not consume {@code device.command}. */
  public CommandConsumer commandConsumer() {
    return commandConsumer;
  }

  /** Runs the downlink commands of the sessions on this instance. */
  public CommandExecutor commandExecutor() {
    return commandExecutor;
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

  /**
   * Stops the instance gracefully. Downlink commands first: no new command is taken from {@code
   * device.command} or the internal endpoint; the commands in flight may finish for {@code
   * shutdown-grace} while the sessions are still up; every one still running then gets {@code
   * DEVICE_OFFLINE} ("gateway … stopping"), and only after those outcomes are in Kafka does the
   * consumer commit and leave the group. Then the sessions close (each publishes its {@code
   * disconnected} event, reason {@code GATEWAY_SHUTDOWN}), and the producers flush and close.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      stopCommands();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    commandRouter.close();
    List<io.netty.util.concurrent.Future<?>> closing = new ArrayList<>();
    for (DeviceSession s : sessions.all()) {
      s.execute(() -> s.close(DisconnectReason.GATEWAY_SHUTDOWN, null));
      closing.add(s.channel().closeFuture());
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    for (io.netty.util.concurrent.Future<?> f : closing) {
      // So the disconnected events reach the publisher before it closes; 5 s for all of them.
      f.awaitUninterruptibly(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
    }
    server.close();
    housekeeping.shutdownNow();
    liveness.flush(java.time.Instant.now(), false);
    publisher.close();
  }

  private void stopCommands() throws InterruptedException {
    Duration grace = settings.shutdownGrace();
    if (commandConsumer != null) {
      commandConsumer.stopTaking(Duration.ofSeconds(5));
    }
    commandRouter.stopAccepting();
    if (!commandExecutor.awaitIdle(grace)) {
      CompletableFuture<Void> aborted =
          commandExecutor.abortAll("gateway " + settings.instanceId() + " stopping");
      try {
        aborted.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        // Not in Kafka: their offsets stay uncommitted, so the commands are delivered again.
        log.warn("Outcomes of commands aborted at shutdown not all published: {}", e.toString());
      }
    }
    if (commandConsumer != null) {
      commandConsumer.close();
    }
  }
}
