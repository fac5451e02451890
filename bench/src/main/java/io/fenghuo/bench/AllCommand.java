package io.fenghuo.bench;

import io.fenghuo.bench.report.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench/run all}: every scenario with its defaults, one after the other; a failed one does
 * not stop the others. Then the summary; exit 1 if any scenario failed.
 */
@Command(
    name = "all",
    description =
        "Runs every scenario with its defaults (codec, ingest, connections, fire-latency,"
            + " confirm-119, reconnect, board-lag), continues after a failure, then writes the summary."
            + " Exit 1 if a scenario failed.")
final class AllCommand implements Callable<Integer> {

  @ParentCommand BenchCommand bench;

  @Option(
      names = "--skip",
      split = ",",
      paramLabel = "SCENARIO",
      description = "Scenarios not to run, comma-separated (e.g. --skip codec,connections).")
  List<String> skip = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    for (String s : skip) {
      if (!Summary.SCENARIOS.contains(s)) {
        throw new CommandLine.ParameterException(
            new CommandLine(this),
            "unknown scenario '" + s + "' in --skip (known: " + Summary.SCENARIOS + ")");
      }
    }
    Map<String, String> outcomes = new LinkedHashMap<>();
    String commandLine = bench.commandLine;
    for (String scenario : Summary.SCENARIOS) {
      if (skip.contains(scenario)) {
        outcomes.put(scenario, "skipped");
        continue;
      }
      System.err.println("[bench all] " + scenario + " …");
      long t0 = System.nanoTime();
      int exit;
      try {
        // a fresh command line: the scenario with its defaults, results where `all` writes them
        bench.commandLine = "bench/run " + scenario + " (from `" + commandLine + "`)";
        exit = new CommandLine(bench).execute("--results", bench.results.toString(), scenario);
      } catch (RuntimeException e) {
        e.printStackTrace();
        exit = 1;
      } finally {
        bench.commandLine = commandLine;
      }
      String outcome = exit == 0 ? "ok" : "failed (exit " + exit + ")";
      outcomes.put(scenario, outcome);
      System.err.printf(
          "[bench all] %s: %s in %.0f s%n", scenario, outcome, (System.nanoTime() - t0) / 1e9);
    }
    Path md = Summary.build(bench.results, outcomes, Instant.now()).write(bench.results);
    System.out.println(Files.readString(md));
    List<String> failed =
        outcomes.entrySet().stream()
            .filter(e -> e.getValue().startsWith("failed"))
            .map(Map.Entry::getKey)
            .toList();
    System.out.println("written: " + md + " and summary.json");
    if (!failed.isEmpty()) {
      System.err.println("[bench all] failed: " + String.join(", ", failed));
      return 1;
    }
    return 0;
  }
}
