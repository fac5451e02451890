package io.fenghuo.bench;

import io.fenghuo.bench.report.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code bench/run summary}: summary.md + summary.json from the result files, no measuring. */
@Command(
    name = "summary",
    description =
        "Writes summary.md and summary.json (headline figures of every scenario next to the GB"
            + " 50440 limits) from the result files in the results directory; measures nothing.")
final class SummaryCommand implements Callable<Integer> {

  @ParentCommand BenchCommand bench;

  @Override
  public Integer call() throws Exception {
    Path md = Summary.build(bench.results).write(bench.results);
    System.out.println(Files.readString(md));
    System.out.println("written: " + md + " and summary.json");
    return 0;
  }
}
