package io.fenghuo.gateway.bindings;

import io.fenghuo.contracts.id.DeviceAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Device bindings from a file (one 12-hex-digit device address per line, optionally followed by
 * whitespace and the unit id; {@code #} starts a comment) or seeded through {@link #bind}. Stands
 * in until the gateway reads the unit-service's compacted unit stream.
 */
public final class StaticDeviceBindings implements DeviceBindings {

  private final Set<DeviceAddress> bound = ConcurrentHashMap.newKeySet();
  private final Map<DeviceAddress, String> profiles = new ConcurrentHashMap<>();
  private final boolean bindAll;

  private StaticDeviceBindings(boolean bindAll) {
    this.bindAll = bindAll;
  }

  /** No device is bound until {@link #bind} is called. */
  public static StaticDeviceBindings empty() {
    return new StaticDeviceBindings(false);
  }

  /** Every device counts as bound (for local runs without an archive). */
  public static StaticDeviceBindings everyDevice() {
    return new StaticDeviceBindings(true);
  }

  /**
   * Reads a bindings file.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException naming the line if an address is malformed
   */
  public static StaticDeviceBindings fromFile(Path file) {
    StaticDeviceBindings bindings = empty();
    try {
      int n = 0;
      for (String line : Files.readAllLines(file)) {
        n++;
        String text = line.replaceFirst("#.*", "").strip();
        if (text.isEmpty()) {
          continue;
        }
        try {
          bindings.bind(DeviceAddress.of(text.split("\\s+")[0]));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + " line " + n + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bindings;
  }

  /** Binds a device. */
  public void bind(DeviceAddress device) {
    bound.add(device);
  }

  /** Binds a device with a device profile ({@code gb26875} profile name, e.g. {@code bcd-time}). */
  public void bind(DeviceAddress device, String profile) {
    bound.add(device);
    profiles.put(device, profile);
  }

  /** Removes a binding. */
  public void unbind(DeviceAddress device) {
    bound.remove(device);
    profiles.remove(device);
  }

  @Override
  public Optional<String> profileOf(DeviceAddress device) {
    return Optional.ofNullable(profiles.get(device));
  }

  @Override
  public boolean isBound(DeviceAddress device) {
    return bindAll || bound.contains(device);
  }
}
