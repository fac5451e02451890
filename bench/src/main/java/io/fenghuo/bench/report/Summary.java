package io.fenghuo.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One table over every scenario's last result ({@code <scenario>.json} in the results directory):
 * the headline figures, each next to the GB 50440 limit where one applies (20 s device → monitoring
 * centre, 3 s centre → 119), with the machines, versions and dates of the results. Written as
 * {@code summary.md} and {@code summary.json}; built from the files alone, so it can be made again
 * without measuring.
 */
public final class Summary {

  /** The scenarios in the order {@code bench/run all} runs them. */
  public static final List<String> SCENARIOS =
      List.of(
          "codec",
          "ingest",
          "connections",
          "fire-latency",
          "confirm-119",
          "reconnect",
          "board-lag");

  /** GB 50440: a fire alarm from the device to the monitoring centre. */
  public static final double DEVICE_TO_CENTRE_MS = 20_000;

  /** GB 50440: a confirmed fire from the monitoring centre to 119. */
  public static final double CENTRE_TO_119_MS = 3_000;

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /**
   * One headline figure.
   *
   * @param limit the GB 50440 limit it is held against ("" if none)
   * @param withinLimit whether the figure keeps it (null if no limit applies or it is missing)
   * @param values the result's metrics the figure is made of
   */
  public record Row(
      String scenario,
      String figure,
      String measured,
      String limit,
      Boolean withinLimit,
      Map<String, Double> values) {}

  /**
   * Where a scenario's figures come from.
   *
   * @param status {@code measured}, {@code missing} (no result file) or what {@code all} reported
   *     for it ({@code failed …}, {@code skipped})
   */
  public record Source(
      String scenario,
      String status,
      String started,
      double seconds,
      String commandLine,
      Map<String, Object> machine,
      Map<String, Object> versions) {}

  private final Instant generated;
  private final List<Source> sources;
  private final List<Row> rows;

  private Summary(Instant generated, List<Source> sources, List<Row> rows) {
    this.generated = generated;
    this.sources = sources;
    this.rows = rows;
  }

  public List<Row> rows() {
    return rows;
  }

  public List<Source> sources() {
    return sources;
  }

  /** From the result files in {@code results}; no outcome of a run. */
  public static Summary build(Path results) {
    return build(results, Map.of(), Instant.now());
  }

  /**
   * From the result files in {@code results}.
   *
   * @param outcomes what {@code bench/run all} reported per scenario ("ok", "failed (…)",
   *     "skipped"); a scenario that failed keeps the figures of its previous result file, marked
   */
  public static Summary build(Path results, Map<String, String> outcomes, Instant generated) {
    List<Source> sources = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (String scenario : SCENARIOS) {
      Path file = results.resolve(scenario + ".json");
      String outcome = outcomes.getOrDefault(scenario, "ok");
      if (!Files.isRegularFile(file)) {
        sources.add(
            new Source(
                scenario,
                outcome.equals("ok") ? "missing" : outcome + "; no result file",
                "",
                0,
                "",
                Map.of(),
                Map.of()));
        continue;
      }
      JsonNode result;
      try {
        result = JSON.readTree(Files.readString(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String status =
          outcome.equals("ok")
              ? "measured"
              : outcome + "; figures of the earlier result " + result.path("started").asString("");
      sources.add(
          new Source(
              scenario,
              status,
              result.path("started").asString(""),
              result.path("seconds").asDouble(0),
              result.path("commandLine").asString(""),
              map(result.path("machine")),
              map(result.path("versions"))));
      rows.addAll(headlines(scenario, new Metrics(result.path("metrics"))));
    }
    return new Summary(generated, sources, rows);
  }

  private static Map<String, Object> map(JsonNode node) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      map.put(e.getKey(), v.isNumber() ? (Object) v.numberValue() : v.asString(""));
    }
    return map;
  }

  /** A result's metrics by name (NaN if absent). */
  private record Metrics(JsonNode metrics) {
    double get(String name) {
      JsonNode value = metrics.path(name).path("value");
      return value.isNumber() ? value.asDouble() : Double.NaN;
    }

    Map<String, Double> of(String... names) {
      Map<String, Double> out = new LinkedHashMap<>();
      for (String n : names) {
        out.put(n, get(n));
      }
      return out;
    }

    List<String> names() {
      return List.copyOf(metrics.propertyNames());
    }
  }

  static List<Row> headlines(String scenario, Metrics m) {
    List<Row> rows = new ArrayList<>();
    switch (scenario) {
      case "codec" -> {
        for (String name : m.names()) {
          String[] parts = name.split("\\.objects-");
          String figure =
              parts.length == 2
                  ? parts[0] + ", frame with " + parts[1] + " object(s), one core"
                  : name;
          rows.add(row(scenario, figure, count(m.get(name)) + " ops/s", "", null, m.of(name)));
        }
      }
      case "ingest" -> {
        rows.add(
            row(
                scenario,
                "gateway confirmed frames/s vs. a plain acks=all producer",
                count(m.get("gateway.confirmedFramesPerSecond"))
                    + " frames/s vs. "
                    + count(m.get("plain.recordsPerSecond"))
                    + " records/s: ratio "
                    + String.format(Locale.ROOT, "%.3f", m.get("ratio")),
                "",
                null,
                m.of("gateway.confirmedFramesPerSecond", "plain.recordsPerSecond", "ratio")));
        rows.add(
            percentiles(
                scenario, "confirm latency at saturation", m, "gateway.confirm.saturated", ""));
        rows.add(
            percentiles(
                scenario,
                "confirm latency paced at " + count(m.get("gateway.paced.offered")) + " frames/s",
                m,
                "gateway.confirm.paced",
                ""));
      }
      case "connections" -> {
        rows.add(
            row(
                scenario,
                "most concurrent idle connections one gateway held",
                count(m.get("connections.max")),
                "",
                null,
                m.of("connections.max")));
        rows.add(
            row(
                scenario,
                "heap per connection (fit over heap after GC)",
                count(m.get("heap.perConnection"))
                    + " B (R² "
                    + String.format(Locale.ROOT, "%.2f", m.get("heap.fitR2"))
                    + "); heap-bound maximum projected "
                    + count(m.get("connections.projectedByHeap")),
                "",
                null,
                m.of("heap.perConnection", "heap.fitR2", "connections.projectedByHeap")));
      }
      case "fire-latency" -> {
        rows.add(fires(scenario, "fire frame → console live stream, idle", m, "idle"));
        rows.add(fires(scenario, "fire frame → console live stream, status storm", m, "storm"));
        rows.add(
            row(
                scenario,
                "storm / idle",
                "p50 " + ratio(m.get("ratio.p50")) + ", p99 " + ratio(m.get("ratio.p99")),
                "",
                null,
                m.of("ratio.p50", "ratio.p99")));
        rows.add(
            row(
                scenario,
                "storm rate reached at the gateway (target 20,000 status frames/s)",
                count(m.get("storm.status-frames-per-second"))
                    + " status frames/s received, "
                    + count(m.get("storm.status-acknowledged-per-second"))
                    + "/s acknowledged, "
                    + count(m.get("storm.kafka-records-per-second"))
                    + " records/s to Kafka",
                "",
                null,
                m.of(
                    "storm.status-frames-per-second",
                    "storm.status-acknowledged-per-second",
                    "storm.kafka-records-per-second")));
      }
      case "confirm-119" -> {
        double p99 = m.get("confirm-to-incident.p99");
        double over = m.get("over-3s");
        double missed = m.get("missed");
        rows.add(
            row(
                scenario,
                "operator confirms a fire (API) → incident on fire.119.incident",
                percentileText(m, "confirm-to-incident")
                    + " ("
                    + count(m.get("confirm-to-incident.count"))
                    + " confirmations, "
                    + count(over)
                    + " over 3 s, "
                    + count(missed)
                    + " missed)",
                "3 s",
                known(p99, over, missed)
                    ? p99 <= CENTRE_TO_119_MS && over == 0 && missed == 0
                    : null,
                m.of(
                    "confirm-to-incident.p50",
                    "confirm-to-incident.p99",
                    "confirm-to-incident.count",
                    "over-3s",
                    "missed")));
      }
      case "reconnect" -> {
        rows.add(
            row(
                scenario,
                "gateway kill -9 → every device connected again",
                seconds(m.get("all-online"))
                    + " (the restarted gateway answered after "
                    + seconds(m.get("gateway-http-back"))
                    + ")",
                "",
                null,
                m.of("all-online", "gateway-http-back")));
        rows.add(
            fires(scenario, "fire frame → console from the kill until all are back", m, "during"));
        rows.add(
            fires(
                scenario,
                "… of which fires sent while the gateway was down",
                m,
                "during.gateway-down"));
      }
      case "board-lag" ->
          rows.add(
              row(
                  scenario,
                  "fault frame → status board shows it (recovery → normal again), "
                      + count(m.get("background.offered-faults-per-second") * 3600)
                      + " background faults/h; no GB 50440 limit for faults",
                  "fault "
                      + percentileText(m, "board.fault")
                      + ", max "
                      + millis(m.get("board.fault.max"))
                      + "; recovery "
                      + percentileText(m, "board.normal")
                      + ", max "
                      + millis(m.get("board.normal.max"))
                      + " ("
                      + count(m.get("board.fault.count"))
                      + " cycles, "
                      + count(m.get("board.fault.unseen") + m.get("board.normal.unseen"))
                      + " never seen; "
                      + (m.get("end.mismatched") == 0 && m.get("end.probe-points-not-normal") == 0
                          ? "current at the end"
                          : "**not current at the end**")
                      + ")",
                  "",
                  null,
                  m.of(
                      "board.fault.p50",
                      "board.fault.p99",
                      "board.fault.max",
                      "board.fault.count",
                      "board.fault.unseen",
                      "board.normal.p50",
                      "board.normal.p99",
                      "board.normal.max",
                      "board.normal.unseen",
                      "end.mismatched",
                      "end.probe-points-not-normal")));
      default -> throw new IllegalArgumentException("unknown scenario " + scenario);
    }
    return rows;
  }

  private static boolean known(double... values) {
    for (double v : values) {
      if (Double.isNaN(v)) {
        return false;
      }
    }
    return true;
  }

  /** Fires against the 20 s limit: p99 and every fire seen within it. */
  private static Row fires(String scenario, String figure, Metrics m, String prefix) {
    double p99 = m.get(prefix + ".p99");
    double over = m.get(prefix + ".over-20s");
    double seen = m.get(prefix + ".seen");
    return row(
        scenario,
        figure,
        percentileText(m, prefix)
            + " ("
            + count(m.get(prefix + ".count"))
            + " fires, "
            + count(seen)
            + " % seen, "
            + count(over)
            + " over 20 s)",
        "20 s",
        known(p99, over, seen) ? p99 <= DEVICE_TO_CENTRE_MS && over == 0 && seen == 100 : null,
        m.of(
            prefix + ".p50",
            prefix + ".p99",
            prefix + ".count",
            prefix + ".seen",
            prefix + ".over-20s"));
  }

  private static Row percentiles(
      String scenario, String figure, Metrics m, String prefix, String limit) {
    return row(
        scenario,
        figure,
        percentileText(m, prefix),
        limit,
        null,
        m.of(prefix + ".p50", prefix + ".p99"));
  }

  private static String percentileText(Metrics m, String prefix) {
    return "p50 " + millis(m.get(prefix + ".p50")) + ", p99 " + millis(m.get(prefix + ".p99"));
  }

  private static Row row(
      String scenario,
      String figure,
      String measured,
      String limit,
      Boolean within,
      Map<String, Double> values) {
    return new Row(scenario, figure, measured, limit, within, new LinkedHashMap<>(values));
  }

  static String millis(double ms) {
    if (Double.isNaN(ms)) {
      return "n/a";
    }
    if (ms >= 1000) {
      return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
    return ms >= 100
        ? String.format(Locale.ROOT, "%.0f ms", ms)
        : String.format(Locale.ROOT, "%.1f ms", ms);
  }

  static String seconds(double s) {
    return Double.isNaN(s) ? "n/a" : String.format(Locale.ROOT, "%.1f s", s);
  }

  static String count(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,d", Math.round(v));
  }

  static String ratio(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f×", v);
  }

  /** {@code summary.md}. */
  public String markdown() {
    StringBuilder md = new StringBuilder("# Fenghuo bench: summary\n\n");
    md.append("Made ")
        .append(generated)
        .append(" from the result files (`bench/run summary` makes it again). GB 50440 limits:")
        .append(" **20 s** device → monitoring centre, **3 s** centre → 119.\n\n");
    md.append("| Scenario | Figure | Measured | GB 50440 |\n|---|---|---|---|\n");
    for (Row r : rows) {
      tableRow(md, "`" + r.scenario() + "`", r.figure(), r.measured(), limitText(r));
    }
    md.append(
        "\n| Scenario | Result | Measured at | Run time | Command |\n|---|---|---|---:|---|\n");
    for (Source s : sources) {
      tableRow(
          md,
          "`" + s.scenario() + "`",
          s.status(),
          s.started(),
          s.started().isEmpty() ? "" : Math.round(s.seconds()) + " s",
          s.commandLine().isEmpty() ? "" : "`" + s.commandLine() + "`");
    }
    md.append("\nMachines: ").append(String.join("; ", distinct("machine"))).append(".\n");
    md.append("Versions: ").append(String.join("; ", distinct("versions"))).append(".\n");
    return md.toString();
  }

  private static void tableRow(StringBuilder md, String... cells) {
    md.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  private static String limitText(Row r) {
    if (r.limit().isEmpty()) {
      return "";
    }
    if (r.withinLimit() == null) {
      return r.limit() + " (not known)";
    }
    return r.limit() + (r.withinLimit() ? ": kept" : ": **exceeded**");
  }

  /** The distinct machines or versions of the results, each with the scenarios it applies to. */
  private List<String> distinct(String what) {
    Map<String, Set<String>> by = new LinkedHashMap<>();
    for (Source s : sources) {
      Map<String, Object> m = what.equals("machine") ? s.machine() : s.versions();
      if (m.isEmpty()) {
        continue;
      }
      String text =
          what.equals("machine")
              ? m.get("cores")
                  + " cores ("
                  + m.get("cpu")
                  + "), "
                  + m.get("memoryMiB")
                  + " MiB, "
                  + m.get("os")
                  + ", Java "
                  + m.get("java")
              : m.toString();
      by.computeIfAbsent(text, k -> new LinkedHashSet<>()).add(s.scenario());
    }
    List<String> out = new ArrayList<>();
    by.forEach((text, scenarios) -> out.add(text + " (" + String.join(", ", scenarios) + ")"));
    return out;
  }

  /** {@code summary.json}. */
  public Map<String, Object> json() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("generated", generated.toString());
    map.put(
        "limits",
        Map.of("deviceToCentreMillis", DEVICE_TO_CENTRE_MS, "centreTo119Millis", CENTRE_TO_119_MS));
    map.put("scenarios", sources);
    map.put("rows", rows);
    return map;
  }

  /** Writes {@code summary.md} and {@code summary.json} into {@code directory}. */
  public Path write(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("summary.json"), JSON.writeValueAsString(json()) + "\n");
      Path md = directory.resolve("summary.md");
      Files.writeString(md, markdown());
      return md;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
