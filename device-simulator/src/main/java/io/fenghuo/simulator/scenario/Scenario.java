package io.fenghuo.simulator.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A timeline of device events (see {@link ScenarioParser} for the text format).
 *
 * @param steps in file order; not null, copied
 */
public record Scenario(List<ScenarioStep> steps) {

  /** Nothing happens. */
  public static final Scenario EMPTY = new Scenario(List.of());

  public Scenario {
    steps = List.copyOf(steps);
  }

  /** Parses scenario text. @throws IllegalArgumentException naming the line of the first error */
  public static Scenario parse(String text) {
    return ScenarioParser.parse(text);
  }

  /** Reads and parses a UTF-8 scenario file. */
  public static Scenario load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** When the last one-off step happens (repeating steps go on for ever). */
  public Duration lastStepAt() {
    return steps.stream().map(ScenarioStep::at).max(Duration::compareTo).orElse(Duration.ZERO);
  }
}
