package io.fenghuo.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fenghuo.gateway.*}: the device server's settings (see {@link GatewaySettings} for the
 * meaning of each); unset values keep {@link GatewaySettings#defaults}.
 *
 * @param bindingsFile device bindings file (one device address per line); null = none bound
 * @param bindAll treat every device as bound (local runs without an archive)
 * @param commandPort port of the internal command-forwarding endpoint (0 = any free port)
 * @param advertisedHost host name other instances reach this one at
 * @param commandBindHost interface the command endpoint listens on (null = all)
 * @param commandSecret secret the operator's instances share to sign forwarded commands (same on
 *     every instance, ≥ 16 characters; null = forwarding between instances refused)
 * @param deliveryTimeout how long a signal may wait for Kafka before its frame stays unconfirmed
 * @param shutdownGrace how long commands in flight may finish on a graceful stop
 * @param bindingsWait how long, at start, the device port stays closed until the unit stream's
 *     bindings are read (default 30 s; after that it opens anyway and unknown devices are
 *     unregistered until their binding arrives)
 */
@ConfigurationProperties("fenghuo.gateway")
public record GatewayProperties(
    Integer port,
    Long centreAddress,
    ZoneId deviceZone,
    Integer maxConnections,
    Integer maxConnectionsPerSourceAddress,
    Duration idleTimeout,
    Duration halfFrameTimeout,
    Integer maxFrameLength,
    Integer maxFramesPerSecond,
    Integer maxInFlightPerConnection,
    Integer maxInFlight,
    Duration heartbeatInterval,
    Duration commandTimeout,
    Integer commandRetries,
    Duration clockDriftLimit,
    Duration clockSyncInterval,
    Duration clockDriftSyncGap,
    Duration routeTtl,
    Path bindingsFile,
    boolean bindAll,
    Integer commandPort,
    String advertisedHost,
    String commandBindHost,
    String commandSecret,
    Duration deliveryTimeout,
    Duration shutdownGrace,
    Duration bindingsWait) {

  /** How long the device port waits for the bindings at start (default 30 s). */
  public Duration bindingsWaitOrDefault() {
    return bindingsWait != null ? bindingsWait : Duration.ofSeconds(30);
  }

  /** Never shows the command secret. */
  @Override
  public String toString() {
    return "GatewayProperties[port="
        + port
        + ", commandPort="
        + commandPort
        + ", commandSecret="
        + (commandSecret == null ? "none" : "***")
        + ", …]";
  }

  GatewaySettings toSettings(GatewaySettings defaults) {
    GatewaySettings.Builder b = defaults.toBuilder().port(port != null ? port : 9000);
    if (centreAddress != null) {
      b.centreAddress(centreAddress);
    }
    if (deviceZone != null) {
      b.deviceZone(deviceZone);
    }
    if (maxConnections != null) {
      b.maxConnections(maxConnections);
    }
    if (maxConnectionsPerSourceAddress != null) {
      b.maxConnectionsPerSourceAddress(maxConnectionsPerSourceAddress);
    }
    if (idleTimeout != null) {
      b.idleTimeout(idleTimeout);
    }
    if (halfFrameTimeout != null) {
      b.halfFrameTimeout(halfFrameTimeout);
    }
    if (maxFrameLength != null) {
      b.maxFrameLength(maxFrameLength);
    }
    if (maxFramesPerSecond != null) {
      b.maxFramesPerSecond(maxFramesPerSecond);
    }
    if (maxInFlightPerConnection != null) {
      b.maxInFlightPerConnection(maxInFlightPerConnection);
    }
    if (maxInFlight != null) {
      b.maxInFlight(maxInFlight);
    }
    if (heartbeatInterval != null) {
      b.heartbeatInterval(heartbeatInterval);
    }
    if (commandTimeout != null) {
      b.commandTimeout(commandTimeout);
    }
    if (commandRetries != null) {
      b.commandRetries(commandRetries);
    }
    if (clockDriftLimit != null) {
      b.clockDriftLimit(clockDriftLimit);
    }
    if (clockSyncInterval != null) {
      b.clockSyncInterval(clockSyncInterval);
    }
    if (clockDriftSyncGap != null) {
      b.clockDriftSyncGap(clockDriftSyncGap);
    }
    if (routeTtl != null) {
      b.routeTtl(routeTtl);
    }
    if (shutdownGrace != null) {
      b.shutdownGrace(shutdownGrace);
    }
    return b.build();
  }
}
