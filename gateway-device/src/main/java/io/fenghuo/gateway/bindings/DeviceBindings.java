package io.fenghuo.gateway.bindings;

import io.fenghuo.contracts.id.DeviceAddress;

/**
 * Which UITDs a unit of this operator has bound (the unit archive's device bindings). A device
 * without a binding is still served, but its signals go to {@code signal.unregistered}.
 *
 * <p>Implementations are thread-safe and answer from memory: the gateway asks on every frame.
 */
public interface DeviceBindings {

  /** True if a unit has bound the device. */
  boolean isBound(DeviceAddress device);
}
