package io.fenghuo.gateway.bindings;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.profile.ProfileSelector;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device profile of each UITD as its binding in the unit archive names it ({@code
 * DeviceBinding.profile}), so vendor deviations (BCD time labels, type 21 without time label, the
 * control command byte …) are handled from the archive instead of per-deployment configuration.
 *
 * <p>The gateway's codec asks for every frame (decoding by the frame's source address, encoding by
 * its destination), so a binding that arrives or changes takes effect on the device's next frame. A
 * device without a binding, or bound without a profile, gets the fallback (the strict standard). A
 * name that is not a known {@code gb26875} profile ({@link DeviceProfile#named}) also gets the
 * fallback; it is logged once and reported to {@code onUnknown} on every lookup.
 *
 * <p>Thread-safe; answers from memory.
 */
public final class BindingProfiles implements ProfileSelector {

  private static final Logger log = LoggerFactory.getLogger(BindingProfiles.class);

  private final DeviceBindings bindings;
  private final ProfileSelector fallback;
  private final Consumer<String> onUnknown;
  private final Map<String, Optional<DeviceProfile>> byName = new ConcurrentHashMap<>();

  /**
   * @param bindings where the archive's profile names come from; not null
   * @param fallback for devices without a (known) profile; not null
   * @param onUnknown called with the name when a binding names an unknown profile; not null
   */
  public BindingProfiles(
      DeviceBindings bindings, ProfileSelector fallback, Consumer<String> onUnknown) {
    this.bindings = Objects.requireNonNull(bindings, "bindings");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.onUnknown = Objects.requireNonNull(onUnknown, "onUnknown");
  }

  @Override
  public DeviceProfile profileFor(Address peer) {
    Optional<String> name = bindings.profileOf(new DeviceAddress(peer.value()));
    if (name.isEmpty()) {
      return fallback.profileFor(peer);
    }
    Optional<DeviceProfile> profile = byName.computeIfAbsent(name.get(), BindingProfiles::resolve);
    if (profile.isEmpty()) {
      onUnknown.accept(name.get());
      return fallback.profileFor(peer);
    }
    return profile.get();
  }

  private static Optional<DeviceProfile> resolve(String name) {
    try {
      return Optional.of(DeviceProfile.named(name.strip().toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      log.warn(
          "The unit archive names device profile '{}': {}; using the fallback profile",
          name,
          e.getMessage());
      return Optional.empty();
    }
  }
}
