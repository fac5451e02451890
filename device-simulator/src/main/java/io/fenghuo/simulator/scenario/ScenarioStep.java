package io.fenghuo.simulator.scenario;

import io.fenghuo.simulator.device.DeviceEvent;
import java.time.Duration;
import java.util.Objects;

/**
 * One line of a scenario: at {@code at} after the fleet starts (and then every {@code every}, if
 * given) the event happens at each targeted device.
 *
 * @param at offset from the fleet's start; ≥ 0
 * @param every repeat interval, or null for once
 * @param target not null
 * @param event not null
 * @param line source line number, for messages
 */
public record ScenarioStep(
    Duration at, Duration every, Target target, DeviceEvent event, int line) {

  public ScenarioStep {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(event, "event");
    if (at.isNegative() || every != null && (every.isZero() || every.isNegative())) {
      throw new IllegalArgumentException("line " + line + ": times must be positive");
    }
  }
}
