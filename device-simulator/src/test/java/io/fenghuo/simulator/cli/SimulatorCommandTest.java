package io.fenghuo.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulatorCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = SimulatorCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void helpDescribesEveryOptionAndExitsZero() {
    assertThat(run("--help")).isZero();

    String help = out.toString();
    assertThat(help).contains("Usage: device-simulator");
    for (String option :
        new String[] {
          "--centre",
          "--devices",
          "--fleet",
          "--scenario",
          "--heartbeat",
          "--heartbeat-interval",
          "--status-interval",
          "--background",
          "--fire-rate",
          "--fault-rate",
          "--duty-delay",
          "--duty-miss-rate",
          "--ack-timeout",
          "--retries",
          "--duration",
          "--profile",
          "--report",
          "--seed",
          "--print-fleet"
        }) {
      assertThat(help).as(option).contains(option);
    }
    assertThat(help).contains("Default: 60s").contains("Exit status").contains("Examples:");
  }

  @Test
  void refusesToRunWithoutACentre() {
    assertThat(run("-n", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--centre");
  }

  @Test
  void rejectsAnUnparsableDurationAsAUsageError() {
    assertThat(run("-c", "127.0.0.1:1", "--heartbeat-interval", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("not a duration");
  }

  @Test
  void printsTheGeneratedFleetAsAFleetFile() {
    assertThat(run("-n", "2", "--points", "1", "--print-fleet")).isZero();

    assertThat(out.toString())
        .startsWith("device_address,system_type")
        .contains("f10000000001,1,1,42,0x00010001,L1-P1 点型光电感烟火灾探测器")
        .contains("f10000000002,11,1,92,0x00010000,消防水箱");
  }

  @Test
  void appliesBackgroundOverridesOnTopOfTheDemoRates() {
    SimulatorCommand c = new SimulatorCommand();
    CommandLine cl = SimulatorCommand.commandLine();
    cl =
        new CommandLine(c)
            .registerConverter(
                java.time.Duration.class, io.fenghuo.simulator.scenario.Durations::parse);
    cl.parseArgs("-c", "h:1", "--background", "--fire-rate", "2");

    assertThat(c.backgroundRates().firesPerHour()).isEqualTo(2);
    assertThat(c.backgroundRates().faultsPerHour()).isEqualTo(0.5);
  }

  @Test
  void parsesLocalAddressesAndRanges() throws Exception {
    assertThat(SimulatorCommand.localAddresses("127.0.0.2..127.0.0.4, 127.0.1.1"))
        .extracting(java.net.InetAddress::getHostAddress)
        .containsExactly("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.1.1");
    assertThat(SimulatorCommand.localAddresses(null)).isEmpty();
  }

  @Test
  void rejectsADescendingLocalAddressRangeAsAUsageError() {
    assertThat(run("-c", "127.0.0.1:1", "--local-address", "127.0.0.9..127.0.0.2")).isEqualTo(2);
    assertThat(err.toString()).contains("--local-address");
  }
}
