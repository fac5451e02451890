package io.fenghuo.gateway.bindings;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.profile.ProfileSelector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingProfilesTest {

  final StaticDeviceBindings bindings = StaticDeviceBindings.empty();
  final List<String> unknown = new ArrayList<>();
  final BindingProfiles profiles =
      new BindingProfiles(bindings, ProfileSelector.standard(), unknown::add);

  @Test
  void aBindingsProfileIsTheDevicesProfile() {
    bindings.bind(new DeviceAddress(1), "firemaster");
    bindings.bind(new DeviceAddress(2), " BCD-Time ");
    assertThat(profiles.profileFor(Address.of(1))).isEqualTo(DeviceProfile.FIREMASTER);
    assertThat(profiles.profileFor(Address.of(2))).isEqualTo(DeviceProfile.BCD_TIME);
  }

  @Test
  void unboundDevicesAndBindingsWithoutAProfileGetTheFallback() {
    bindings.bind(new DeviceAddress(3));
    assertThat(profiles.profileFor(Address.of(3))).isEqualTo(DeviceProfile.STANDARD);
    assertThat(profiles.profileFor(Address.of(4))).isEqualTo(DeviceProfile.STANDARD);
    assertThat(unknown).isEmpty();
  }

  @Test
  void anUnknownProfileNameFallsBackAndIsReported() {
    bindings.bind(new DeviceAddress(5), "acme-v2");
    assertThat(profiles.profileFor(Address.of(5))).isEqualTo(DeviceProfile.STANDARD);
    assertThat(profiles.profileFor(Address.of(5))).isEqualTo(DeviceProfile.STANDARD);
    assertThat(unknown).containsExactly("acme-v2", "acme-v2");
  }

  @Test
  void aChangedBindingTakesEffectOnTheNextLookup() {
    DeviceAddress device = new DeviceAddress(6);
    bindings.bind(device);
    assertThat(profiles.profileFor(Address.of(6))).isEqualTo(DeviceProfile.STANDARD);
    bindings.bind(device, "lenient");
    assertThat(profiles.profileFor(Address.of(6))).isEqualTo(DeviceProfile.LENIENT);
  }
}
