package io.fenghuo.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.gb26875.adu.AnalogType;
import io.fenghuo.gb26875.adu.FacilityOperationBit;
import io.fenghuo.gb26875.adu.UitdOperationBit;
import io.fenghuo.gb26875.adu.UitdStateBit;
import io.fenghuo.simulator.device.AddressText;
import io.fenghuo.simulator.device.Condition;
import io.fenghuo.simulator.device.DeviceEvent;
import io.fenghuo.simulator.device.SystemKey;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {

  @Test
  void readsTheIssuesFireAndResetExample() {
    Scenario s =
        Scenario.parse(
            """
            # unit 12: smoke detector on loop 1 point 7 goes off, reset five minutes later
            at 30s  device 0140609623b2 unit 12 loop 1 point 7 smoke-detector fire
            at 300s device 0140609623b2 unit 12 reset
            """);

    assertThat(s.steps()).hasSize(2);
    ScenarioStep fire = s.steps().get(0);
    assertThat(fire.at()).isEqualTo(Duration.ofSeconds(30));
    assertThat(fire.target()).isEqualTo(new Target.ByAddress(AddressText.parse("0140609623b2")));
    DeviceEvent.Change change = (DeviceEvent.Change) fire.event();
    assertThat(change.condition()).isEqualTo(Condition.FIRE);
    assertThat(change.on()).isTrue();
    assertThat(change.where().componentAddress()).isEqualTo(7L << 16 | 1);
    assertThat(change.where().componentType()).isEqualTo(40);
    assertThat(s.steps().get(1).event()).isInstanceOf(DeviceEvent.Reset.class);
    assertThat(s.lastStepAt()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void targetsDeviceIndexesRangesAndTheWholeFleet() {
    Scenario s =
        Scenario.parse(
            """
            at 1s device #12 fault
            at 1s devices #0-99 disable
            at 1s all status
            """);

    assertThat(s.steps())
        .extracting(ScenarioStep::target)
        .containsExactly(new Target.Indexes(12, 12), new Target.Indexes(0, 99), new Target.All());
    assertThat(s.steps().get(1).target().matches(99, null)).isTrue();
    assertThat(s.steps().get(1).target().matches(100, null)).isFalse();
  }

  @Test
  void readsRepeatingStepsWithAStartOffset() {
    ScenarioStep step = Scenario.parse("every 5m from 10s all status").steps().get(0);

    assertThat(step.every()).isEqualTo(Duration.ofMinutes(5));
    assertThat(step.at()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void scalesAnalogValuesFromEngineeringUnits() {
    DeviceEvent.Analog a =
        (DeviceEvent.Analog)
            Scenario.parse("at 1m device #0 component 0x00010000 analog temperature 23.5")
                .steps()
                .get(0)
                .event();

    assertThat(a.type()).isEqualTo(AnalogType.TEMPERATURE);
    assertThat(a.rawValue()).isEqualTo(235); // 0.1 ℃ units (table 6)
    assertThat(a.where().componentAddress()).isEqualTo(0x10000L);
  }

  @Test
  void distinguishesSystemAndUitdPowerFaults() {
    Scenario s =
        Scenario.parse(
            """
            at 1s all system 1:1 power-fault backup
            at 2s all uitd-power-fault main
            at 3s all uitd-power-restore
            """);

    DeviceEvent.Change system = (DeviceEvent.Change) s.steps().get(0).event();
    assertThat(system.condition()).isEqualTo(Condition.BACKUP_POWER_FAULT);
    assertThat(system.where().system()).isEqualTo(new SystemKey(1, 1));
    assertThat(system.where().componentAddress()).isNull();
    assertThat(s.steps().get(1).event())
        .isEqualTo(new DeviceEvent.UitdChange(UitdStateBit.MAIN_POWER_FAULT, true));
    assertThat(s.steps().get(2).event())
        .isEqualTo(new DeviceEvent.UitdChange(UitdStateBit.MAIN_POWER_FAULT, false));
  }

  @Test
  void readsOperationRecordsWithSeveralFlagsAndAnOperator() {
    Scenario s =
        Scenario.parse(
            """
            at 1s device #0 operation silence,acknowledge operator 3
            at 2s device #0 uitd-operation self-test
            """);

    DeviceEvent.FacilityOperationDone op =
        (DeviceEvent.FacilityOperationDone) s.steps().get(0).event();
    assertThat(op.flags().set())
        .containsExactlyInAnyOrder(FacilityOperationBit.SILENCE, FacilityOperationBit.ACKNOWLEDGE);
    assertThat(op.operator()).isEqualTo(3);
    DeviceEvent.UitdOperationDone uitd = (DeviceEvent.UitdOperationDone) s.steps().get(1).event();
    assertThat(uitd.flags().has(UitdOperationBit.SELF_TEST)).isTrue();
  }

  @Test
  void namesTheLineAndTheProblemOfABadStep() {
    assertThatThrownBy(() -> Scenario.parse("at 1s all fire\nat soon all fire"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("not a duration");
    assertThatThrownBy(() -> Scenario.parse("at 1s all explode"))
        .hasMessageContaining("line 1")
        .hasMessageContaining("unknown event");
    assertThatThrownBy(() -> Scenario.parse("at 1s all operation dance"))
        .hasMessageContaining("unknown flag 'dance'")
        .hasMessageContaining("silence");
    assertThatThrownBy(() -> Scenario.parse("at 1s device 12345 fire"))
        .hasMessageContaining("12 hex digits");
    assertThatThrownBy(() -> Scenario.parse("at 1s all smoke-detector fire"))
        .hasMessageContaining("needs 'loop L point P'");
    assertThatThrownBy(() -> Scenario.parse("at 1s all fire now"))
        .hasMessageContaining("unexpected 'now'");
  }

  @Test
  void ignoresCommentsAndBlankLines() {
    assertThat(Scenario.parse("# only a comment\n\n   \nat 1s all fire # trailing\n").steps())
        .hasSize(1);
  }

  @Test
  void parsesHumanDurations() {
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Durations.parse("42")).isEqualTo(Duration.ofSeconds(42));
    assertThatThrownBy(() -> Durations.parse("5 minutes"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
