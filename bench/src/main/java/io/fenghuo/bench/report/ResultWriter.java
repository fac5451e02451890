package io.fenghuo.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link BenchResult} as {@code <scenario>.json} and {@code <scenario>.md} into the
 * results directory, with the machine, the versions and the command line that produced it.
 */
public final class ResultWriter {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Path directory;
  private final String commandLine;

  public ResultWriter(Path directory, String commandLine) {
    this.directory = directory;
    this.commandLine = commandLine;
  }

  public Path write(BenchResult result) {
    result.finish();
    Machine machine = Machine.current();
    Map<String, Object> versions = Versions.current();
    try {
      Files.createDirectories(directory);
      Files.writeString(
          directory.resolve(result.scenario() + ".json"),
          JSON.writeValueAsString(json(result, machine, versions)) + "\n");
      Path markdown = directory.resolve(result.scenario() + ".md");
      Files.writeString(markdown, markdown(result, machine, versions));
      return markdown;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, Object> json(BenchResult r, Machine machine, Map<String, Object> versions) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("scenario", r.scenario());
    map.put("title", r.title());
    map.put("started", r.started().toString());
    map.put("seconds", r.took().toMillis() / 1000.0);
    map.put("commandLine", commandLine);
    map.put("machine", machine.asMap());
    map.put("versions", versions);
    map.put("parameters", r.parameters());
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (BenchResult.Metric m : r.metrics()) {
      metrics.put(m.name(), Map.of("value", m.value(), "unit", m.unit()));
    }
    map.put("metrics", metrics);
    map.put("notes", r.notes());
    return map;
  }

  private String markdown(BenchResult r, Machine machine, Map<String, Object> versions) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(r.title()).append("\n\n");
    md.append("Measured ")
        .append(r.started())
        .append(" in ")
        .append(r.took().toSeconds())
        .append(" s with `")
        .append(commandLine)
        .append("`.\n\n");
    md.append("| Figure | Value | Meaning |\n|---|---:|---|\n");
    for (BenchResult.Metric m : r.metrics()) {
      md.append("| `")
          .append(m.name())
          .append("` | ")
          .append(format(m.value()))
          .append(m.unit().isEmpty() ? "" : " " + m.unit())
          .append(" | ")
          .append(m.meaning())
          .append(" |\n");
    }
    if (!r.parameters().isEmpty()) {
      md.append("\nParameters: ");
      md.append(
          String.join(
              ", ",
              r.parameters().entrySet().stream()
                  .map(e -> "`" + e.getKey() + "` = " + e.getValue())
                  .toList()));
      md.append(".\n");
    }
    List<String> notes = r.notes();
    if (!notes.isEmpty()) {
      md.append("\n");
      notes.forEach(n -> md.append("- ").append(n).append("\n"));
    }
    md.append("\nMachine: ")
        .append(machine.cores())
        .append(" cores (")
        .append(machine.cpu())
        .append("), ")
        .append(machine.memoryMiB())
        .append(" MiB, ")
        .append(machine.os())
        .append(", Java ")
        .append(machine.javaVersion())
        .append(". Versions: ")
        .append(versions)
        .append(".\n");
    return md.toString();
  }

  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format("%,d", (long) value);
    }
    return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
  }
}
