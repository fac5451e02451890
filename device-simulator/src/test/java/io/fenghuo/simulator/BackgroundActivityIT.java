package io.fenghuo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.simulator.fleet.FleetGenerator;
import io.fenghuo.simulator.report.Report;
import io.fenghuo.simulator.scenario.BackgroundRates;
import io.fenghuo.simulator.scenario.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The demo fleet's random background mode, sped up: every kind of event appears and is confirmed.
 */
class BackgroundActivityIT {

  @Test
  void backgroundModeProducesFiresFaultsDisablesPowerFaultsOperationsAndAnalogValues()
      throws Exception {
    BackgroundRates hectic =
        new BackgroundRates(
            7200,
            7200,
            7200,
            7200,
            7200, // two of each per device per second
            Duration.ofMillis(200),
            Duration.ofMillis(100),
            Duration.ofMillis(100));
    try (TestCentre centre = TestCentre.start()) {
      Fleet fleet =
          Fleet.start(
              Fixtures.fastConfig(centre.address()).background(hectic).seed(42).build(),
              FleetGenerator.generate(20, FleetGenerator.DEFAULT_BASE, 8, DeviceProfile.STANDARD),
              Scenario.EMPTY);
      try {
        assertThat(fleet.awaitConnected(20, Duration.ofSeconds(5))).isTrue();
        Thread.sleep(1500);
        Report report = fleet.stop(Duration.ofSeconds(5));

        assertThat(report.uploads().byKind().keySet())
            .contains(
                "fire",
                "reset",
                "fault",
                "recovery",
                "disable",
                "enable",
                "power-fault",
                "power-restored",
                "operation",
                "analog");
        assertThat(report.uploads().failed()).isZero();
        assertThat(report.uploads().confirmed()).isEqualTo(report.uploads().sent());
        assertThat(centre.framesRejected()).isZero();
      } finally {
        fleet.close();
      }
    }
  }
}
