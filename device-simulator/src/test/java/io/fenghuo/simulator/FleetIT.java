package io.fenghuo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.ClockSync;
import io.fenghuo.gb26875.adu.DutyCheck;
import io.fenghuo.gb26875.adu.SystemQuery;
import io.fenghuo.gb26875.adu.SystemType;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.adu.UitdOperation;
import io.fenghuo.gb26875.adu.UitdOperationBit;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.session.RetransmissionPolicy;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.fleet.FleetGenerator;
import io.fenghuo.simulator.report.Report;
import io.fenghuo.simulator.scenario.Scenario;
import io.fenghuo.simulator.session.DutyCheckBehaviour;
import io.fenghuo.simulator.session.HeartbeatMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The acceptance run: 1,000 simulated UITDs against the minimal test centre; every upload
 * is confirmed and every command answered.
 */
class FleetIT {

  private static final int DEVICES = 1000;

  @Test
  void thousandDevicesHaveEveryUploadConfirmedAndEveryCommandAnswered() throws Exception {
    List<DeviceSpec> specs =
        FleetGenerator.generate(DEVICES, FleetGenerator.DEFAULT_BASE, 8, DeviceProfile.STANDARD);
    Scenario scenario =
        Scenario.parse(
            """
            at 1s    all loop 1 point 1 smoke-detector fire
            at 1500ms devices #0-499 loop 1 point 2 fault
            at 2s    all reset
            at 2500ms devices #0-499 loop 1 point 2 recover
            at 2s    all analog temperature 23.5
            at 2s    all status
            """);
    try (TestCentre centre = TestCentre.start()) {
      SimulatorConfig config =
          SimulatorConfig.builder(centre.address())
              .heartbeat(HeartbeatMode.EMPTY, Duration.ofSeconds(1))
              .retransmission(new RetransmissionPolicy(Duration.ofSeconds(5), 3))
              .dutyCheck(
                  new DutyCheckBehaviour(Duration.ofMillis(100), Duration.ofMillis(500), 0, 1))
              .connectRate(5000)
              .build();
      Fleet fleet = Fleet.start(config, specs, scenario);
      try {
        assertThat(fleet.awaitConnected(DEVICES, Duration.ofSeconds(20))).isTrue();
        awaitAllKnown(centre, specs);

        List<CompletableFuture<Gb26875Message>> replies = new ArrayList<>();
        TimeLabel centreTime = TimeLabel.of(LocalDateTime.now(SimulatorConfig.DEFAULT_ZONE));
        for (DeviceSpec d : specs) {
          Address a = d.address();
          replies.add(
              centre.send(
                  a,
                  TypedData.of(
                      TypeFlag.READ_SYSTEM_STATE,
                      new SystemQuery(SystemType.FIRE_ALARM_SYSTEM, 1))));
          replies.add(
              centre.send(a, TypedData.of(TypeFlag.SYNCHRONISE_CLOCK, new ClockSync(centreTime))));
          replies.add(centre.send(a, TypedData.of(TypeFlag.DUTY_CHECK, new DutyCheck(5))));
        }
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
            .get(20, TimeUnit.SECONDS);
        assertThat(replies)
            .extracting(f -> f.join().command())
            .containsOnly(Command.RESPONSE, Command.CONFIRM)
            .hasSize(3 * DEVICES);

        Thread.sleep(3000); // let the scenario (up to 2.5 s) play out
        Report report = fleet.stop(Duration.ofSeconds(15));

        assertThat(report.uploads().failed()).isZero();
        assertThat(report.uploads().inFlight()).isZero();
        assertThat(report.uploads().queued()).isZero();
        assertThat(report.uploads().confirmed()).isEqualTo(report.uploads().sent());
        assertThat(report.uploads().byKind().get("fire").confirmed()).isEqualTo(DEVICES);
        assertThat(report.uploads().byKind().get("duty-check-reply").confirmed())
            .isEqualTo(DEVICES);
        assertThat(report.uploads().byKind().get("fault").confirmed()).isEqualTo(DEVICES / 2);
        assertThat(report.uploads().byKind().get("recovery").confirmed()).isEqualTo(DEVICES / 2);
        assertThat(report.uploads().byKind().get("analog").confirmed()).isEqualTo(DEVICES);
        assertThat(report.downlinks().received()).isEqualTo(3L * DEVICES);
        assertThat(report.downlinks().answered()).isEqualTo(3L * DEVICES);
        assertThat(report.downlinks().dutyCheckReplies()).isEqualTo(DEVICES);
        assertThat(report.isClean()).isTrue();
        long dutyReplies =
            centre.uploads().stream()
                .filter(r -> !r.duplicate() && r.message().data().typeFlagValue() == 24)
                .filter(
                    r ->
                        ((TypedData) r.message().data())
                            .objects(UitdOperation.class)
                            .get(0)
                            .operation()
                            .has(UitdOperationBit.DUTY_CHECK_REPLY))
                .map(TestCentre.Received::device)
                .distinct()
                .count();
        assertThat(dutyReplies).isEqualTo(DEVICES);
        System.out.println(report.toHumanSummary());
      } finally {
        fleet.close();
      }
    }
  }

  private static void awaitAllKnown(TestCentre centre, List<DeviceSpec> specs)
      throws InterruptedException {
    for (DeviceSpec d : specs) {
      assertThat(centre.awaitKnown(d.address(), Duration.ofSeconds(10))).isTrue();
    }
  }
}
