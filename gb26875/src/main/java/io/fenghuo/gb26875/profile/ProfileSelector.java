package io.fenghuo.gb26875.profile;

import io.fenghuo.gb26875.Address;
import java.util.Map;
import java.util.Objects;

/**
 * Chooses the {@link DeviceProfile} for the peer of a frame: the source address of a decoded frame,
 * the destination address of an encoded one. On the gateway the peer is the UITD; on a simulated
 * UITD it is the centre.
 *
 * <p>Implementations must be thread-safe and must not return null.
 */
@FunctionalInterface
public interface ProfileSelector {

  /**
   * @param peer the address of the other end; not null
   * @return the profile to use; never null
   */
  DeviceProfile profileFor(Address peer);

  /** Always the same profile. */
  static ProfileSelector fixed(DeviceProfile profile) {
    Objects.requireNonNull(profile, "profile");
    return peer -> profile;
  }

  /** The strict standard profile for every peer. */
  static ProfileSelector standard() {
    return fixed(DeviceProfile.STANDARD);
  }

  /**
   * A per-device table with a fallback.
   *
   * @param byAddress copied; not null
   * @param fallback for addresses not in the table; not null
   */
  static ProfileSelector byAddress(Map<Address, DeviceProfile> byAddress, DeviceProfile fallback) {
    Map<Address, DeviceProfile> copy = Map.copyOf(byAddress);
    Objects.requireNonNull(fallback, "fallback");
    return peer -> copy.getOrDefault(peer, fallback);
  }
}
