package io.fenghuo.bench;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run <scenario>}: the performance harness. Every scenario writes {@code
 * bench/results/<scenario>.json} and {@code .md} with the machine, the versions and this command
 * line.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Fenghuo performance harness (results as JSON + Markdown).",
    subcommands = {
      CodecScenario.class,
      io.fenghuo.bench.gateway.IngestScenario.class,
      io.fenghuo.bench.gateway.ConnectionsScenario.class,
      io.fenghuo.bench.platform.FireLatencyScenario.class,
      io.fenghuo.bench.platform.Confirm119Scenario.class,
      io.fenghuo.bench.platform.ReconnectScenario.class,
      io.fenghuo.bench.platform.BoardLagScenario.class,
      AllCommand.class,
      SummaryCommand.class
    })
public final class BenchCommand {

  @Option(
      names = "--results",
      defaultValue = "bench/results",
      description = "Directory for <scenario>.json and .md (default: ${DEFAULT-VALUE}).")
  Path results;

  String commandLine = "bench/run";

  public static void main(String[] args) {
    BenchCommand bench = new BenchCommand();
    bench.commandLine = String.join(" ", prepend("bench/run", args));
    System.exit(new CommandLine(bench).execute(args));
  }

  private static List<String> prepend(String first, String[] rest) {
    java.util.ArrayList<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all;
  }
}
