package io.fenghuo.bench.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one scenario measured: named figures with units, the parameters it ran with and notes for
 * the reader. {@link ResultWriter} adds the machine, the versions and the command line and writes
 * it as JSON and Markdown.
 */
public final class BenchResult {

  /** One figure. {@code unit} is written as is ("frames/s", "ms", "×", "KiB"). */
  public record Metric(String name, double value, String unit, String meaning) {}

  private final String scenario;
  private final String title;
  private Instant started = Instant.now();
  private Instant finished;
  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private final List<Metric> metrics = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public BenchResult(String scenario, String title) {
    this.scenario = scenario;
    this.title = title;
  }

  public BenchResult parameter(String name, Object value) {
    parameters.put(name, value);
    return this;
  }

  public BenchResult metric(String name, double value, String unit, String meaning) {
    metrics.add(new Metric(name, value, unit, meaning));
    return this;
  }

  /**
   * Adds count, p50, p99, p99.9 and max of a histogram recorded in microseconds, as milliseconds.
   */
  public BenchResult latency(String name, Histogram micros, String meaning) {
    metric(name + ".count", micros.getTotalCount(), "", meaning + ": samples");
    metric(name + ".p50", ms(micros.getValueAtPercentile(50)), "ms", meaning + ": median");
    metric(name + ".p99", ms(micros.getValueAtPercentile(99)), "ms", meaning + ": 99th percentile");
    metric(
        name + ".p99.9",
        ms(micros.getValueAtPercentile(99.9)),
        "ms",
        meaning + ": 99.9th percentile");
    metric(name + ".max", ms(micros.getMaxValue()), "ms", meaning + ": maximum");
    return this;
  }

  /** When the measurement began, if before this result was created. */
  public BenchResult startedAt(Instant instant) {
    started = instant;
    return this;
  }

  public BenchResult note(String text) {
    notes.add(text);
    return this;
  }

  public BenchResult finish() {
    finished = Instant.now();
    return this;
  }

  /** The value of a metric added before (for ratios); fails loudly if there is none. */
  public double value(String name) {
    return metrics.stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no metric " + name))
        .value();
  }

  public String scenario() {
    return scenario;
  }

  public String title() {
    return title;
  }

  public Instant started() {
    return started;
  }

  public Duration took() {
    return Duration.between(started, finished == null ? Instant.now() : finished);
  }

  public Map<String, Object> parameters() {
    return parameters;
  }

  public List<Metric> metrics() {
    return metrics;
  }

  public List<String> notes() {
    return notes;
  }

  private static double ms(long micros) {
    return micros / (double) TimeUnit.MILLISECONDS.toMicros(1);
  }
}
