package io.fenghuo.gateway;

import io.fenghuo.contracts.id.OperatorId;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything a gateway instance is configured with; plain values, so the gateway runs without
 * Spring in tests. Defaults follow GB/T 26875.3 (§6.5: 10 s, 3 retries) and GB 50440 (clocks within
 * 5 s).
 *
 * @param operator the one tenant this instance serves
 * @param instanceId this instance's id (CloudEvents source, command routing)
 * @param port TCP port for UITDs (0 = any free port)
 * @param centreAddress the monitoring centre's own 6-byte address in frames it initiates
 * @param deviceZone the devices' local time zone (the standard is silent; CST in practice)
 * @param maxConnections connections accepted at once
 * @param maxConnectionsPerSourceAddress connections accepted at once from one IP address
 * @param idleTimeout a session without any frame for this long is closed
 * @param halfFrameTimeout a started frame must complete within this time (slowloris)
 * @param maxFrameLength frames longer than this are denied (the standard's limit is 1054)
 * @param maxFramesPerSecond frames per connection per second; more are dropped unconfirmed
 * @param maxInFlightPerConnection uploads awaiting Kafka per connection before reading pauses
 * @param maxInFlight uploads awaiting Kafka in this instance before every connection pauses
 * @param heartbeatInterval at most one heartbeat telemetry record per device per interval
 * @param commandTimeout time to wait for a confirm or response (§6.5.4, ≤ 10 s)
 * @param commandRetries retransmissions after the first attempt (§6.5.5)
 * @param clockDriftLimit a frame time label further off than this triggers a clock sync
 * @param clockSyncInterval a connected device's clock is synchronised at least this often
 * @param clockDriftSyncGap after any clock sync of a session, drifting time labels trigger the next
 *     one only after this gap (so a device that ignores syncs is not sent one per frame)
 * @param routeTtl lifespan of the device → instance mapping in Redis, refreshed on traffic
 * @param livenessFlushInterval how often last-seen and routes are written to Redis
 * @param shutdownGrace on a graceful stop, how long commands in flight may still finish before the
 *     rest get {@code DEVICE_OFFLINE} ("gateway stopping")
 */
public record GatewaySettings(
    OperatorId operator,
    String instanceId,
    int port,
    long centreAddress,
    ZoneId deviceZone,
    int maxConnections,
    int maxConnectionsPerSourceAddress,
    Duration idleTimeout,
    Duration halfFrameTimeout,
    int maxFrameLength,
    int maxFramesPerSecond,
    int maxInFlightPerConnection,
    int maxInFlight,
    Duration heartbeatInterval,
    Duration commandTimeout,
    int commandRetries,
    Duration clockDriftLimit,
    Duration clockSyncInterval,
    Duration clockDriftSyncGap,
    Duration routeTtl,
    Duration livenessFlushInterval,
    Duration shutdownGrace) {

  public GatewaySettings {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(deviceZone, "deviceZone");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    if (maxInFlightPerConnection < 1 || maxInFlight < 1 || maxConnections < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    // §6.5.4: a centre waits at most 10 s for a reply; a longer value would fail every session.
    if (commandTimeout == null
        || commandTimeout.isNegative()
        || commandTimeout.isZero()
        || commandTimeout.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException("command-timeout must be in (0, 10 s]: " + commandTimeout);
    }
  }

  /** The defaults for one operator and instance. */
  public static GatewaySettings defaults(OperatorId operator, String instanceId) {
    return new GatewaySettings(
        operator,
        instanceId,
        0,
        0,
        ZoneId.of("Asia/Shanghai"),
        10_000,
        200,
        Duration.ofMinutes(3),
        Duration.ofSeconds(15),
        1054,
        50,
        8,
        4_096,
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        3,
        Duration.ofSeconds(5),
        Duration.ofHours(24),
        Duration.ofMinutes(1),
        Duration.ofMinutes(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10));
  }

  /** A copy with some values changed. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.operator = operator;
    b.instanceId = instanceId;
    b.port = port;
    b.centreAddress = centreAddress;
    b.deviceZone = deviceZone;
    b.maxConnections = maxConnections;
    b.maxConnectionsPerSourceAddress = maxConnectionsPerSourceAddress;
    b.idleTimeout = idleTimeout;
    b.halfFrameTimeout = halfFrameTimeout;
    b.maxFrameLength = maxFrameLength;
    b.maxFramesPerSecond = maxFramesPerSecond;
    b.maxInFlightPerConnection = maxInFlightPerConnection;
    b.maxInFlight = maxInFlight;
    b.heartbeatInterval = heartbeatInterval;
    b.commandTimeout = commandTimeout;
    b.commandRetries = commandRetries;
    b.clockDriftLimit = clockDriftLimit;
    b.clockSyncInterval = clockSyncInterval;
    b.clockDriftSyncGap = clockDriftSyncGap;
    b.routeTtl = routeTtl;
    b.livenessFlushInterval = livenessFlushInterval;
    b.shutdownGrace = shutdownGrace;
    return b;
  }

  /** Changes values of a copy: {@code settings.toBuilder().port(0).build()}. */
  public static final class Builder {
    private OperatorId operator;
    private String instanceId;
    private int port;
    private long centreAddress;
    private ZoneId deviceZone;
    private int maxConnections;
    private int maxConnectionsPerSourceAddress;
    private Duration idleTimeout;
    private Duration halfFrameTimeout;
    private int maxFrameLength;
    private int maxFramesPerSecond;
    private int maxInFlightPerConnection;
    private int maxInFlight;
    private Duration heartbeatInterval;
    private Duration commandTimeout;
    private int commandRetries;
    private Duration clockDriftLimit;
    private Duration clockSyncInterval;
    private Duration clockDriftSyncGap;
    private Duration routeTtl;
    private Duration livenessFlushInterval;
    private Duration shutdownGrace;

    public Builder operator(OperatorId operator) {
      this.operator = operator;
      return this;
    }

    public Builder instanceId(String instanceId) {
      this.instanceId = instanceId;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder centreAddress(long centreAddress) {
      this.centreAddress = centreAddress;
      return this;
    }

    public Builder deviceZone(ZoneId deviceZone) {
      this.deviceZone = deviceZone;
      return this;
    }

    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    public Builder maxConnectionsPerSourceAddress(int maxConnectionsPerSourceAddress) {
      this.maxConnectionsPerSourceAddress = maxConnectionsPerSourceAddress;
      return this;
    }

    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = idleTimeout;
      return this;
    }

    public Builder halfFrameTimeout(Duration halfFrameTimeout) {
      this.halfFrameTimeout = halfFrameTimeout;
      return this;
    }

    public Builder maxFrameLength(int maxFrameLength) {
      this.maxFrameLength = maxFrameLength;
      return this;
    }

    public Builder maxFramesPerSecond(int maxFramesPerSecond) {
      this.maxFramesPerSecond = maxFramesPerSecond;
      return this;
    }

    public Builder maxInFlightPerConnection(int maxInFlightPerConnection) {
      this.maxInFlightPerConnection = maxInFlightPerConnection;
      return this;
    }

    public Builder maxInFlight(int maxInFlight) {
      this.maxInFlight = maxInFlight;
      return this;
    }

    public Builder heartbeatInterval(Duration heartbeatInterval) {
      this.heartbeatInterval = heartbeatInterval;
      return this;
    }

    public Builder commandTimeout(Duration commandTimeout) {
      this.commandTimeout = commandTimeout;
      return this;
    }

    public Builder commandRetries(int commandRetries) {
      this.commandRetries = commandRetries;
      return this;
    }

    public Builder clockDriftLimit(Duration clockDriftLimit) {
      this.clockDriftLimit = clockDriftLimit;
      return this;
    }

    public Builder clockSyncInterval(Duration clockSyncInterval) {
      this.clockSyncInterval = clockSyncInterval;
      return this;
    }

    public Builder clockDriftSyncGap(Duration clockDriftSyncGap) {
      this.clockDriftSyncGap = clockDriftSyncGap;
      return this;
    }

    public Builder routeTtl(Duration routeTtl) {
      this.routeTtl = routeTtl;
      return this;
    }

    public Builder livenessFlushInterval(Duration livenessFlushInterval) {
      this.livenessFlushInterval = livenessFlushInterval;
      return this;
    }

    public Builder shutdownGrace(Duration shutdownGrace) {
      this.shutdownGrace = shutdownGrace;
      return this;
    }

    public GatewaySettings build() {
      return new GatewaySettings(
          operator,
          instanceId,
          port,
          centreAddress,
          deviceZone,
          maxConnections,
          maxConnectionsPerSourceAddress,
          idleTimeout,
          halfFrameTimeout,
          maxFrameLength,
          maxFramesPerSecond,
          maxInFlightPerConnection,
          maxInFlight,
          heartbeatInterval,
          commandTimeout,
          commandRetries,
          clockDriftLimit,
          clockSyncInterval,
          clockDriftSyncGap,
          routeTtl,
          livenessFlushInterval,
          shutdownGrace);
    }
  }
}
