package io.fenghuo.bench.platform;

import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.fleet.FleetFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operator's seed UITDs ({@code deploy/local/seed}: {@code devices.csv} binds each to its unit,
 * {@code fleet.csv} lists its points), the devices the platform knows and places.
 *
 * @param units device address → unit id, in file order
 * @param fleetCsv the fleet file lines of these devices, header first
 */
record SeedUitds(Map<String, String> units, String fleetCsv) {

  /** The seed devices whose unit belongs to the operator (address prefix 01 = op-a, 02 = op-b). */
  static SeedUitds load(Path seedDir, String operator) throws IOException {
    String prefix =
        switch (operator) {
          case "op-a" -> "01";
          case "op-b" -> "02";
          default -> throw new IllegalArgumentException("no seed devices for " + operator);
        };
    Map<String, String> units = new LinkedHashMap<>();
    List<String> devices = Files.readAllLines(seedDir.resolve("devices.csv"));
    for (String line : devices.subList(1, devices.size())) {
      String[] f = line.split(",", 3);
      if (f.length >= 2 && f[1].startsWith(prefix)) {
        units.put(f[1], f[0]);
      }
    }
    List<String> fleet = Files.readAllLines(seedDir.resolve("fleet.csv"));
    StringBuilder csv = new StringBuilder(fleet.get(0)).append('\n');
    for (String line : fleet.subList(1, fleet.size())) {
      if (units.containsKey(line.substring(0, line.indexOf(',')))) {
        csv.append(line).append('\n');
      }
    }
    return new SeedUitds(units, csv.toString());
  }

  List<DeviceSpec> specs() {
    return FleetFile.parse(fleetCsv, DeviceProfile.STANDARD);
  }

  /** The component addresses of a device's points (fire detectors and call points). */
  List<Long> components(String device) {
    List<Long> out = new ArrayList<>();
    for (String line : fleetCsv.split("\n")) {
      String[] f = line.split(",", 6);
      if (f[0].equals(device) && f.length > 4 && !f[4].isBlank()) {
        out.add(Long.parseLong(f[4].strip()));
      }
    }
    return out;
  }
}
