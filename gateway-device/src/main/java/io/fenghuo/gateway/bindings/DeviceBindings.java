package io.fenghuo.gateway.bindings;

import io.fenghuo.contracts.id.DeviceAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Which UITDs a unit of this operator has bound (the unit archive's device bindings). A device
 * without a binding is still served, but its signals go to {@code signal.unregistered}.
 *
 * <p>Implementations are thread-safe and answer from memory: the gateway asks on every frame.
 */
public interface DeviceBindings {

  /** True if a unit has bound the device. */
  boolean isBound(DeviceAddress device);

  /**
   * The device profile the archive names for the device ({@code DeviceBinding.profile}: a {@code
   * gb26875} profile name such as {@code bcd-time}), if any; empty for an unbound device or one
   * bound without a profile (the standard applies). See {@link BindingProfiles}.
   */
  default Optional<String> profileOf(DeviceAddress device) {
    return Optional.empty();
  }

  /**
   * Waits until every binding that existed when the gateway started is known (the unit stream read
   * to its end once), at most {@code timeout}. The gateway opens its device port only after this,
   * so a device connecting right after a start is not taken for unregistered.
   *
   * @return true if complete; false after the timeout (devices not known yet are unregistered until
   *     their binding is read)
   */
  default boolean awaitComplete(Duration timeout) throws InterruptedException {
    return true;
  }
}
