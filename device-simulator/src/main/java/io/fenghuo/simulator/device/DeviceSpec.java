package io.fenghuo.simulator.device;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.profile.DeviceProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one simulated UITD is: its 6-byte address, the profile it speaks and its monitored points.
 *
 * @param address the UITD's frame address; not null
 * @param profile the deviations this device's firmware has; not null
 * @param points monitored points, in fleet-file order; not null, copied
 */
public record DeviceSpec(Address address, DeviceProfile profile, List<Point> points) {

  /** The system a device without configured points reports: fire alarm system at address 1. */
  public static final SystemKey DEFAULT_SYSTEM = new SystemKey(1, 1);

  public DeviceSpec {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(profile, "profile");
    points = List.copyOf(points);
  }

  /** The distinct systems of the points, in first-seen order; {@link #DEFAULT_SYSTEM} if none. */
  public List<SystemKey> systems() {
    Set<SystemKey> out = new LinkedHashSet<>();
    for (Point p : points) {
      out.add(p.system());
    }
    if (out.isEmpty()) {
      out.add(DEFAULT_SYSTEM);
    }
    return new ArrayList<>(out);
  }

  /** The component points only. */
  public List<Point> components() {
    return points.stream().filter(Point::isComponent).toList();
  }

  /**
   * The address in the fleet-file / contracts text form (12 hex digits, most significant first).
   */
  public String addressText() {
    return AddressText.format(address);
  }
}
