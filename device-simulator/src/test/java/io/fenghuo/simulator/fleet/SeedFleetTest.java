package io.fenghuo.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.device.Point;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The local run's simulated fleet ({@code deploy/local/seed/fleet.csv}) is the seed archive's
 * devices and points: every UITD the unit-service knows sends from the points it knows, so a fire
 * from the fleet lands on a unit, a building and a floor.
 */
class SeedFleetTest {

  private static final Path SEED = Path.of("..", "deploy", "local", "seed");

  @Test
  void fleetHasExactlyTheSeedDevicesWithTheirPoints() throws IOException {
    List<DeviceSpec> fleet = FleetFile.load(SEED.resolve("fleet.csv"), DeviceProfile.STANDARD);
    Map<String, String> unitByDevice =
        rows("devices.csv").stream().collect(Collectors.toMap(r -> r[1], r -> r[0]));

    assertThat(fleet).hasSize(unitByDevice.size());
    for (DeviceSpec device : fleet) {
      String address = String.format("%012x", device.address().value());
      assertThat(unitByDevice).as("device %s is in the seed archive", address).containsKey(address);
      Set<Long> archived =
          rows("points/" + unitByDevice.get(address) + ".csv").stream()
              .map(r -> Long.parseLong(r[0]))
              .collect(Collectors.toSet());
      assertThat(device.points().stream().map(SeedFleetTest::componentAddress))
          .as("points of %s", address)
          .containsExactlyInAnyOrderElementsOf(archived);
    }
  }

  private static long componentAddress(Point point) {
    return point.componentAddress().value();
  }

  private static List<String[]> rows(String file) throws IOException {
    return Files.readAllLines(SEED.resolve(file)).stream()
        .skip(1)
        .map(line -> line.split(",", -1))
        .toList();
  }
}
