package io.fenghuo.gateway.liveness;

import io.fenghuo.contracts.id.DeviceAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's owned shared state (Redis): last-seen per device, and the device → gateway instance
 * mapping with a lifespan that commands are routed by (the Eclipse Hono pattern).
 */
public interface DeviceDirectory extends AutoCloseable {

  /**
   * Records when devices were last seen and that this instance holds them, for {@code ttl}.
   *
   * @param lastSeen device → last frame; never null
   */
  void touch(Map<DeviceAddress, Instant> lastSeen, String instanceId, Duration ttl);

  /** When the device was last seen by any instance. */
  Optional<Instant> lastSeen(DeviceAddress device);

  /** The instance holding the device's connection, if the mapping has not expired. */
  Optional<String> instanceOf(DeviceAddress device);

  /**
   * Forgets the mapping if it still names this instance (the device disconnected). Called on the
   * connection's event loop: must not wait for a round trip.
   */
  void release(DeviceAddress device, String instanceId);

  /** Announces where an instance accepts forwarded commands, for {@code ttl}. */
  void announce(String instanceId, String commandEndpoint, Duration ttl);

  /** Where an instance accepts forwarded commands. */
  Optional<String> endpointOf(String instanceId);

  @Override
  void close();
}
