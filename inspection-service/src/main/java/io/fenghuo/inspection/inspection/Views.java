package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.signal.PointRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the API returns. Plain records; the web adapter writes them as JSON. */
public final class Views {

  private Views() {}

  /** A unit's status board: devices, systems, and points by building and floor. */
  public record UnitBoard(
      UnitSummary unit,
      BoardSummary summary,
      List<DeviceView> devices,
      List<SystemView> systems,
      List<BuildingView> buildings,
      List<PointView> unlocated) {}

  /** The unit as the board heads it. */
  public record UnitSummary(
      String unitId,
      String operator,
      String name,
      String address,
      String district,
      String maintenanceCompany,
      String maintenancePhone) {}

  /**
   * Counts for the board's header.
   *
   * @param disabledOverLimit more disabled points than the operator's limit: blind spots
   */
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

  /** A state as shown: dominant condition, colour, text, and the conditions. */
  public record StateView(
      String state,
      String colour,
      String text,
      List<String> flags,
      String description,
      Instant occurredAt,
      Instant receivedAt) {}

  /** A UITD's liveness, clock and last poll. */
  public record DeviceView(
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
      StateView uitdState) {}

  /** A building fire facility system's state. */
  public record SystemView(
      String device,
      int systemType,
      int systemAddress,
      String typeLabel,
      String name,
      StateView state) {}

  /** A building with its floors, top to bottom. */
  public record BuildingView(String buildingId, String name, List<FloorView> floors) {}

  /**
   * A floor.
   *
   * @param label {@code 3F} above ground, {@code B1} below, {@code ?} unknown
   */
  public record FloorView(Integer floor, String label, List<PointView> points) {}

  /** A point (component) with its state and open faults. */
  public record PointView(
      String device,
      PointRef point,
      String componentLabel,
      String location,
      String zone,
      StateView state,
      AnalogView analog,
      List<String> openFaults) {}

  /** A component's last analog value. */
  public record AnalogView(int analogType, int raw, BigDecimal value, String unit, Instant at) {}

  /** A fault record as lists show it. */
  public record FaultView(
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
      boolean blindSpot) {}

  /** A page of faults. */
  public record FaultPage(List<FaultView> items, int page, int size, long total) {}

  /** One fault with its log. */
  public record FaultDetail(FaultView fault, List<LogView> log) {}

  /** A line of a fault's log. */
  public record LogView(Instant at, String actor, String entry, String detail) {}

  /** A line of a unit's status history. */
  public record HistoryEntry(
      Instant receivedAt,
      String device,
      String objectKey,
      String entry,
      List<String> flags,
      String text,
      Integer rawState,
      String detail,
      Instant occurredAt) {}

  /** A page of history, newest first. */
  public record HistoryPage(List<HistoryEntry> items, int page, int size, long total) {}

  /** A poll and its result. */
  public record PollView(
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

  /** A unit's effective poll period and where it comes from (UNIT or OPERATOR). */
  public record PollPeriodView(String unitId, String period, String source) {}

  /** One day of an integrity series. */
  public record DayView(LocalDate date, int points, Double integrity, double abnormalPointHours) {}

  /** Repair times of the faults closed in the period. */
  public record RepairView(int closed, Long meanSeconds, Long p90Seconds) {}

  /** The integrity series of a unit, an operator or a district. */
  public record IntegrityReport(
      String scope,
      String id,
      String zone,
      LocalDate from,
      LocalDate to,
      Double integrity,
      List<DayView> days,
      RepairView repair,
      int openFaults) {}
}
