package io.fenghuo.bench;

import io.fenghuo.bench.report.BenchResult;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Issue 10, item 1: JMH decode/encode throughput of the GB/T 26875.3 codec on one core. */
@Command(name = "codec", description = "JMH: codec decode/encode throughput per core.")
final class CodecScenario extends Scenario {

  @Option(names = "--iterations", defaultValue = "5", description = "Measurement iterations.")
  int iterations;

  @Option(names = "--seconds", defaultValue = "3", description = "Seconds per iteration.")
  int seconds;

  @Override
  protected BenchResult measure() throws Exception {
    Collection<RunResult> runs =
        new Runner(
                new OptionsBuilder()
                    .include(Gb26875CodecBenchmark.class.getSimpleName())
                    .forks(1)
                    .threads(1)
                    .warmupIterations(3)
                    .warmupTime(TimeValue.seconds(2))
                    .measurementIterations(iterations)
                    .measurementTime(TimeValue.seconds(seconds))
                    .build())
            .run();
    BenchResult result =
        new BenchResult("codec", "GB/T 26875.3 codec throughput (JMH, one thread = one core)")
            .parameter("warmup", "3 × 2 s")
            .parameter("measurement", iterations + " × " + seconds + " s")
            .parameter("forks", 1);
    for (RunResult run : runs) {
      String method = run.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      String objects = run.getParams().getParam("objects");
      var score = run.getPrimaryResult();
      result.metric(
          method + ".objects-" + objects,
          score.getScore(),
          "ops/s",
          method
              + " of a frame with "
              + objects
              + " type-2 object(s), ± "
              + Math.round(score.getScoreError())
              + " (99.9 % CI)");
    }
    return result.note(
        "Decode covers framing, checksum and the typed ADU; encode turns a typed message into a"
            + " complete frame.");
  }
}
