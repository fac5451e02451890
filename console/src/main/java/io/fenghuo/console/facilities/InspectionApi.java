package io.fenghuo.console.facilities;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The inspection-service's HTTP API as the console reads it (its README, "API"): wire records only,
 * unknown fields ignored, enum values kept as strings so that a value the console does not know is
 * shown as it is instead of failing the page.
 */
public final class InspectionApi {

  private InspectionApi() {}

  /** {@code GET /api/units/{unitId}/board}. */
  public record Board(
      UnitSummary unit,
      BoardSummary summary,
      List<Device> devices,
      List<SystemState> systems,
      List<Building> buildings,
      List<Point> unlocated) {
    public Board {
      devices = devices == null ? List.of() : List.copyOf(devices);
      systems = systems == null ? List.of() : List.copyOf(systems);
      buildings = buildings == null ? List.of() : List.copyOf(buildings);
      unlocated = unlocated == null ? List.of() : List.copyOf(unlocated);
    }
  }

  public record UnitSummary(
      String unitId,
      String operator,
      String name,
      String address,
      String district,
      String maintenanceCompany,
      String maintenancePhone) {

    /** The unit's name, else its id. */
    public String label() {
      return name != null && !name.isBlank() ? name : unitId;
    }
  }

  public record BoardSummary(
      int points,
      int normalPoints,
      int abnormalPoints,
      int openFaults,
      int disabledPoints,
      int disabledLimit,
      boolean disabledOverLimit,
      int devicesOnline,
      int devicesOffline,
      int devicesUnknown) {}

  /**
   * A state as the service shows it: the dominant condition ({@code state}, a GB/T 26875.3 state
   * flag name or {@code NORMAL}), its colour, the Chinese text and every condition ({@code flags}).
   */
  public record State(
      String state,
      String colour,
      String text,
      List<String> flags,
      String description,
      Instant occurredAt,
      Instant receivedAt) {
    public State {
      flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** The CSS tone of the colour: fire, fault, disabled, active, test, normal. */
    public String tone() {
      return switch (colour == null ? "" : colour) {
        case "red" -> "fire";
        case "orange" -> "supervisory";
        case "yellow" -> "fault";
        case "grey" -> "disabled";
        case "blue" -> "active";
        case "purple" -> "test";
        default -> "normal";
      };
    }

    public boolean normal() {
      return state == null || "NORMAL".equals(state);
    }
  }

  public record Device(
      String device,
      String unitId,
      String liveness,
      Instant lastSeenAt,
      Boolean connected,
      Instant disconnectedAt,
      String disconnectReason,
      Instant offlineSince,
      Double clockDriftSeconds,
      Instant clockDriftAt,
      Instant lastPollAt,
      Instant nextPollAt,
      State uitdState) {

    public boolean online() {
      return "ONLINE".equals(liveness);
    }

    public boolean offline() {
      return "OFFLINE".equals(liveness);
    }
  }

  public record SystemState(
      String device,
      int systemType,
      int systemAddress,
      String typeLabel,
      String name,
      State state) {}

  public record Building(String buildingId, String name, List<Floor> floors) {
    public Building {
      floors = floors == null ? List.of() : List.copyOf(floors);
    }
  }

  public record Floor(Integer floor, String label, List<Point> points) {
    public Floor {
      points = points == null ? List.of() : List.copyOf(points);
    }
  }

  /** GB/T 26875.3 point address: system type and address, component type and address. */
  public record PointRef(
      int systemType, int systemAddress, Integer componentType, Long componentAddress) {

    /** {@code 1-1-40-1203}: system type, system address, component type, component address. */
    public String text() {
      return systemType
          + "-"
          + systemAddress
          + (componentType == null ? "" : "-" + componentType + "-" + componentAddress);
    }
  }

  public record Point(
      String device,
      PointRef point,
      String componentLabel,
      String location,
      String zone,
      State state,
      Analog analog,
      List<String> openFaults) {
    public Point {
      openFaults = openFaults == null ? List.of() : List.copyOf(openFaults);
    }
  }

  public record Analog(int analogType, int raw, BigDecimal value, String unit, Instant at) {

    /** The value with its unit, e.g. {@code 0.35 MPa}. */
    public String text() {
      String number =
          value == null ? String.valueOf(raw) : value.stripTrailingZeros().toPlainString();
      return unit == null || unit.isBlank() ? number : number + " " + unit;
    }
  }

  /** A fault record ({@code GET /api/faults}). */
  public record Fault(
      String id,
      String operator,
      String unitId,
      String device,
      String kind,
      String kindText,
      PointRef point,
      String location,
      String description,
      String assignedCompany,
      String state,
      Instant openedAt,
      long ageSeconds,
      int escalationLevel,
      Instant acceptedAt,
      String acceptedBy,
      Instant repairedAt,
      String repairedBy,
      String repairNote,
      Instant closedAt,
      String closedBy,
      boolean verifiedByRecovery,
      boolean blindSpot) {

    public boolean open() {
      return closedAt == null && !"CLOSED".equals(state);
    }

    /** How long it was or has been open. */
    public Duration age() {
      return Duration.ofSeconds(ageSeconds);
    }
  }

  public record FaultPage(List<Fault> items, int page, int size, long total) {
    public FaultPage {
      items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean hasPrevious() {
      return page > 0;
    }

    public boolean hasNext() {
      return (long) (page + 1) * size < total;
    }
  }

  public record FaultDetail(Fault fault, List<LogEntry> log) {
    public FaultDetail {
      log = log == null ? List.of() : List.copyOf(log);
    }
  }

  public record LogEntry(Instant at, String actor, String entry, String detail) {}

  public record Poll(
      String commandId,
      String device,
      String unitId,
      String kind,
      String trigger,
      String requestedBy,
      Instant requestedAt,
      Integer systemType,
      Integer systemAddress,
      Instant completedAt,
      String outcome,
      Integer attempts,
      String detail) {}

  /**
   * The unit's effective poll period and where it comes from ({@code UNIT} or {@code OPERATOR}).
   */
  public record PollPeriod(String unitId, String period, String source) {

    /** The period in minutes (rounded down), 0 if unreadable. */
    public long minutes() {
      try {
        return Duration.parse(period).toMinutes();
      } catch (RuntimeException e) {
        return 0;
      }
    }
  }

  public record Day(LocalDate date, int points, Double integrity, double abnormalPointHours) {}

  public record Repair(int closed, Long meanSeconds, Long p90Seconds) {}

  /** {@code GET /api/integrity/{units|operators|districts}/{id}}. */
  public record Integrity(
      String scope,
      String id,
      String zone,
      LocalDate from,
      LocalDate to,
      Double integrity,
      List<Day> days,
      Repair repair,
      int openFaults) {
    public Integrity {
      days = days == null ? List.of() : List.copyOf(days);
    }
  }
}
