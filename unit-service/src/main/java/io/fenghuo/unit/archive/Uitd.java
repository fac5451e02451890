package io.fenghuo.unit.archive;

import io.fenghuo.contracts.id.DeviceAddress;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A user information transmission device (用户信息传输装置) installed at the unit. Binding its address to
 * the unit is what lets every other service attribute a signal to the unit.
 *
 * @param address the 6-byte address; taken from the request path on input
 * @param model the device model; optional
 * @param profile the device profile name the gateway applies for vendor deviations; null means the
 *     standard
 * @param installedOn when it was installed; optional
 * @param location where it hangs, e.g. 消防控制室; optional
 */
public record Uitd(
    DeviceAddress address,
    @Size(max = 100) String model,
    @Size(max = 100) String profile,
    LocalDate installedOn,
    @Size(max = 500) String location) {

  /** This device with the given address. */
  public Uitd withAddress(DeviceAddress newAddress) {
    return new Uitd(newAddress, model, profile, installedOn, location);
  }
}
