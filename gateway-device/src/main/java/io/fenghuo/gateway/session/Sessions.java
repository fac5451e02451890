package io.fenghuo.gateway.session;

import io.fenghuo.contracts.id.DeviceAddress;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sessions of this instance whose device address is known; thread-safe. */
public final class Sessions {

  private final ConcurrentHashMap<DeviceAddress, DeviceSession> byDevice =
      new ConcurrentHashMap<>();

  /** Registers a session; returns the session it replaces (the device reconnected), if any. */
  DeviceSession register(DeviceAddress device, DeviceSession session) {
    DeviceSession previous = byDevice.put(device, session);
    return previous == session ? null : previous;
  }

  void remove(DeviceAddress device, DeviceSession session) {
    byDevice.remove(device, session);
  }

  /** The live session of a device on this instance. */
  public Optional<DeviceSession> of(DeviceAddress device) {
    return Optional.ofNullable(byDevice.get(device));
  }

  public Collection<DeviceSession> all() {
    return byDevice.values();
  }

  public int size() {
    return byDevice.size();
  }
}
