package io.fenghuo.bench.platform;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The pure parts of {@code board-lag}: what the scenario reads from the platform's records (the
 * fault stream, the status stream) and from the inspection-service's board, and the open faults to
 * expect at the end.
 */
final class BoardRecords {

  static final String FAULT_OPENED = "fenghuo.fault.opened.v1";
  static final String FAULT_CLOSED = "fenghuo.fault.closed.v1";
  static final String STATUS_CHANGED = "fenghuo.signal.status-changed.v1";

  private BoardRecords() {}

  /** A point of a UITD: {@code device/componentAddress}. */
  static String pointKey(String device, long component) {
    return device + "/" + component;
  }

  /**
   * A component fault's step on the fault stream.
   *
   * @param opened {@code fault.opened} (else {@code fault.closed})
   * @param point the point key; null on {@code fault.closed}, which names only the fault id
   */
  record FaultStep(boolean opened, String faultId, String point) {}

  /**
   * A {@code fault.opened} or {@code fault.closed} of kind {@code POINT_FAULT}, or null for any
   * other record (other types or kinds, or an opening without a component).
   */
  static FaultStep pointFault(String ceType, JsonNode data) {
    boolean opened = FAULT_OPENED.equals(ceType);
    if (!opened && !FAULT_CLOSED.equals(ceType)) {
      return null;
    }
    String faultId = data.path("faultId").asString("");
    if (!"POINT_FAULT".equals(data.path("kind").asString("")) || faultId.isEmpty()) {
      return null;
    }
    if (!opened) {
      return new FaultStep(false, faultId, null);
    }
    JsonNode component = data.path("point").path("componentAddress");
    String device = data.path("device").asString("");
    if (!component.isNumber() || device.isEmpty()) {
      return null;
    }
    return new FaultStep(true, faultId, pointKey(device, component.asLong()));
  }

  /**
   * A component's state on the status stream: its point key and whether the state shows a fault
   * (flag {@code FAULT}); null for system and UITD states and other records.
   */
  static Map.Entry<String, Boolean> componentState(String ceType, JsonNode data) {
    if (!STATUS_CHANGED.equals(ceType) || !"COMPONENT".equals(data.path("source").asString(""))) {
      return null;
    }
    JsonNode component = data.path("point").path("componentAddress");
    String device = data.path("device").asString("");
    if (!component.isNumber() || device.isEmpty()) {
      return null;
    }
    boolean fault = false;
    for (JsonNode flag : data.path("flags")) {
      fault |= "FAULT".equals(flag.asString(""));
    }
    return Map.entry(pointKey(device, component.asLong()), fault);
  }

  /**
   * The open component faults to expect once the inspection-service has read everything: those open
   * at the start whose point sent nothing since, plus every point whose last state on the status
   * stream since the start shows a fault.
   *
   * @param openAtStart point keys with an open {@code POINT_FAULT} when the run began
   * @param lastState point key → whether its last state since the start shows a fault
   */
  static Set<String> expectedOpen(Set<String> openAtStart, Map<String, Boolean> lastState) {
    Set<String> expected = new HashSet<>();
    for (String p : openAtStart) {
      if (!lastState.containsKey(p)) {
        expected.add(p);
      }
    }
    lastState.forEach(
        (p, fault) -> {
          if (fault) {
            expected.add(p);
          }
        });
    return expected;
  }

  /**
   * The state ({@code NORMAL}, {@code FAULT}, …) of a component on a unit's board ({@code GET
   * /api/units/{id}/board}), from its buildings' floors or its unlocated points; null if the board
   * does not show the point.
   */
  static String boardState(JsonNode board, String device, long component) {
    for (JsonNode building : board.path("buildings")) {
      for (JsonNode floor : building.path("floors")) {
        String s = stateIn(floor.path("points"), device, component);
        if (s != null) {
          return s;
        }
      }
    }
    return stateIn(board.path("unlocated"), device, component);
  }

  private static String stateIn(JsonNode points, String device, long component) {
    for (JsonNode p : points) {
      if (device.equalsIgnoreCase(p.path("device").asString(""))
          && p.path("point").path("componentAddress").asLong(-1) == component) {
        return p.path("state").path("state").asString("NORMAL");
      }
    }
    return null;
  }
}
