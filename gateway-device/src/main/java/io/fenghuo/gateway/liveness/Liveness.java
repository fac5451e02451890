package io.fenghuo.gateway.liveness;

import io.fenghuo.contracts.id.DeviceAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last-seen per device, written to the {@link DeviceDirectory} in one pipelined batch per flush
 * interval rather than once per frame: a heartbeat storm costs one Redis round trip per second, and
 * every flush also refreshes the device → instance mapping's lifespan.
 */
public final class Liveness {

  private static final Logger log = LoggerFactory.getLogger(Liveness.class);

  private final DeviceDirectory directory;
  private final String instanceId;
  private final Duration routeTtl;
  private final ConcurrentHashMap<DeviceAddress, Instant> dirty = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<DeviceAddress, Instant> held = new ConcurrentHashMap<>();

  public Liveness(DeviceDirectory directory, String instanceId, Duration routeTtl) {
    this.directory = directory;
    this.instanceId = instanceId;
    this.routeTtl = routeTtl;
  }

  /** A frame arrived from the device. */
  public void seen(DeviceAddress device, Instant at) {
    dirty.put(device, at);
    held.computeIfPresent(device, (d, old) -> at);
  }

  /** The device's session started on this instance. */
  public void connected(DeviceAddress device, Instant at) {
    held.put(device, at);
    dirty.put(device, at);
  }

  /** The device's session on this instance ended. */
  public void disconnected(DeviceAddress device) {
    held.remove(device);
    dirty.remove(device);
    try {
      directory.release(device, instanceId);
    } catch (RuntimeException e) {
      log.warn("could not release the route of {}: {}", device, e.toString());
    }
  }

  /**
   * Writes what changed since the last flush; also refreshes the routes of held devices that were
   * quiet (so the mapping outlives a quiet but connected device).
   */
  public void flush(Instant now, boolean refreshAll) {
    Map<DeviceAddress, Instant> batch = new HashMap<>();
    for (DeviceAddress d : dirty.keySet()) {
      Instant at = dirty.remove(d);
      if (at != null && held.containsKey(d)) {
        batch.put(d, at);
      }
    }
    if (refreshAll) {
      held.forEach(batch::putIfAbsent);
    }
    try {
      directory.touch(batch, instanceId, routeTtl);
    } catch (RuntimeException e) {
      log.warn("could not write liveness of {} devices: {}", batch.size(), e.toString());
      batch.forEach(dirty::putIfAbsent);
    }
  }

  public DeviceDirectory directory() {
    return directory;
  }
}
