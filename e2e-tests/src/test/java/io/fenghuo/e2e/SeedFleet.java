package io.fenghuo.e2e;

import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.fleet.FleetFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The seed UITDs ({@code deploy/local/seed/fleet.csv}): the devices the platform's seed units have
 * bound, with their points. The tests simulate some of them; the gateway knows them from the unit
 * stream, the alarm-service finds their units and point locations.
 */
final class SeedFleet {

  /** One line of the fleet file: a component of a device. */
  record SeedPoint(String device, int componentType, long componentAddress, String description) {}

  private final List<String> lines;

  private SeedFleet(List<String> lines) {
    this.lines = lines;
  }

  static SeedFleet load(Path seedDir) throws IOException {
    return new SeedFleet(Files.readAllLines(seedDir.resolve("fleet.csv")));
  }

  /** The simulator's devices for these addresses, in the given order. */
  List<DeviceSpec> devices(List<String> addresses) {
    StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
    for (String address : addresses) {
      lines.stream()
          .filter(l -> l.startsWith(address + ","))
          .forEach(l -> csv.append(l).append('\n'));
    }
    List<DeviceSpec> specs = FleetFile.parse(csv.toString(), DeviceProfile.STANDARD);
    if (specs.size() != Set.copyOf(addresses).size()) {
      throw new IllegalArgumentException("not all of " + addresses + " are seed devices");
    }
    return specs;
  }

  /** The component points of one device. */
  List<SeedPoint> points(String device) {
    List<SeedPoint> points = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", 6);
      if (f[0].equals(device) && !f[3].isBlank()) {
        points.add(new SeedPoint(f[0], Integer.parseInt(f[3]), Long.parseLong(f[4]), f[5]));
      }
    }
    return points;
  }
}
