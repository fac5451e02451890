package io.fenghuo.bench;

import io.fenghuo.bench.report.BenchResult;
import io.fenghuo.bench.report.ResultWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** A scenario measures once and returns what it saw; writing the result is done here, for all. */
public abstract class Scenario implements Callable<Integer> {

  @ParentCommand BenchCommand bench;

  protected abstract BenchResult measure() throws Exception;

  @Override
  public final Integer call() throws Exception {
    java.time.Instant start = java.time.Instant.now();
    BenchResult result = measure().startedAt(start);
    Path markdown = new ResultWriter(bench.results, bench.commandLine).write(result);
    System.out.println(java.nio.file.Files.readString(markdown));
    System.out.println("written: " + markdown + " and " + result.scenario() + ".json");
    return 0;
  }
}
