package io.fenghuo.console.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The alarm-service's HTTP API as the console reads it (the agreed {@code alarm-api.md}): wire
 * records only, unknown fields ignored, so the service may add fields without breaking the console.
 * Enum values stay strings: the pages show a value they do not know as it is, instead of failing.
 */
public final class AlarmApi {

  private AlarmApi() {}

  /** Category of an alarm: {@code FIRE} first, then {@code SUPERVISORY}, {@code OTHER}. */
  public static final String FIRE = "FIRE";

  /** An alarm as the queue and the history list it. */
  public record Card(
      String id,
      String operator,
      String unitId,
      String unitName,
      String unitAddress,
      String category,
      boolean humanInitiated,
      boolean maintenanceWindow,
      String state,
      Instant firstAlertAt,
      Instant lastPointAt,
      int pointCount,
      String firstPointLocation,
      String firstPointComponent,
      String device,
      String claimedBy,
      Instant claimedAt,
      int escalationLevel,
      boolean flood,
      boolean forwardedUnconfirmed,
      boolean unitUnknown) {

    public boolean fire() {
      return FIRE.equals(category);
    }

    public boolean open() {
      return "OPEN".equals(state) || "CLAIMED".equals(state);
    }

    /** The unit's name, else its id, else a dash. */
    public String unitLabel() {
      if (unitName != null && !unitName.isBlank()) {
        return unitName;
      }
      return unitId != null ? unitId : "—";
    }
  }

  /** The operator-wide flood state of the queue. */
  public record Flood(boolean active, int alarmsInWindow, int units, int windowMinutes) {}

  /** {@code GET /api/alarms/queue}. */
  public record Queue(List<Card> items, Flood flood) {
    public Queue {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  /** {@code GET /api/alarms/{id}}: the card fields ({@link #card()}) and everything else. */
  public record Detail(
      Card card,
      UnitInfo unit,
      List<Point> points,
      List<Contact> contacts,
      FalseAlarmRate falseAlarmRate,
      ActionPlan actionPlan,
      List<Call> calls,
      Result result,
      List<TimelineEntry> timeline,
      Dispatch dispatch) {
    public Detail {
      points = points == null ? List.of() : List.copyOf(points);
      contacts = contacts == null ? List.of() : List.copyOf(contacts);
      calls = calls == null ? List.of() : List.copyOf(calls);
      timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }
  }

  /** What {@link Detail} adds to the card fields (read from the same JSON object). */
  record DetailExtras(
      UnitInfo unit,
      List<Point> points,
      List<Contact> contacts,
      FalseAlarmRate falseAlarmRate,
      ActionPlan actionPlan,
      List<Call> calls,
      Result result,
      List<TimelineEntry> timeline,
      Dispatch dispatch) {}

  /**
   * What became of the alarm at 119 (the alarm-service's {@code dispatch} block, fed by the
   * dispatch-119 service); absent until the incident was first forwarded.
   */
  public record Dispatch(
      String incidentId,
      String status,
      boolean mustCall119,
      boolean confirmed,
      Instant forwardedAt,
      Instant lastForwardedAt,
      int attempts,
      Instant acknowledgedAt,
      String acknowledgedBy,
      String progressStage,
      Instant progressAt,
      Instant unacknowledgedAt,
      String centrePhone,
      String message,
      Instant updatedAt) {

    /** The operator must phone 119 now: the centre did not acknowledge after the resends. */
    public boolean unacknowledged() {
      return mustCall119 || "UNACKNOWLEDGED".equals(status);
    }

    /** The number to phone: the dispatch service's, else 119. */
    public String phone() {
      return centrePhone == null || centrePhone.isBlank() ? "119" : centrePhone;
    }

    /** Whether 119 has acknowledged (any receipt counts). */
    public boolean acknowledged() {
      return acknowledgedAt != null;
    }
  }

  public record UnitInfo(
      String id,
      String name,
      String category,
      String address,
      String district,
      Coordinates coordinates) {}

  /**
   * A position (WGS 84, as the unit archive stores it), with what the detail page draws without map
   * tiles: the point inside its 0.1° × 0.1° grid cell, and links to online maps.
   */
  public record Coordinates(double latitude, double longitude) {

    private static final double CELL = 0.1;

    /** Horizontal position in the cell, 0 (west edge) … 200 (east edge). */
    public long x() {
      return Math.round((longitude - west()) / CELL * 200);
    }

    /** Vertical position in the cell, 0 (north edge) … 200 (south edge). */
    public long y() {
      return Math.round((north() - latitude) / CELL * 200);
    }

    public double west() {
      return Math.floor(longitude / CELL) * CELL;
    }

    public double north() {
      return Math.floor(latitude / CELL) * CELL + CELL;
    }

    public String cellLabel() {
      return String.format(
          java.util.Locale.ROOT,
          "%.1f–%.1f°E · %.1f–%.1f°N",
          west(),
          west() + CELL,
          north() - CELL,
          north());
    }

    public String text() {
      return String.format(java.util.Locale.ROOT, "%.6f, %.6f", latitude, longitude);
    }

    public String osmUrl() {
      return String.format(
          java.util.Locale.ROOT,
          "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f#map=18/%.6f/%.6f",
          latitude,
          longitude,
          latitude,
          longitude);
    }

    /** Amap (高德) marker; Amap converts the WGS 84 position itself ({@code coordinate=wgs84}). */
    public String amapUrl() {
      return String.format(
          java.util.Locale.ROOT,
          "https://uri.amap.com/marker?position=%.6f,%.6f&coordinate=wgs84",
          longitude,
          latitude);
    }
  }

  public record Point(
      String device,
      Integer system,
      String systemName,
      String address,
      String location,
      String building,
      String floor,
      String component,
      Instant firstAt,
      Instant lastAt,
      String source,
      int count) {}

  public record Contact(int order, String name, String role, String phone) {}

  public record Rate(int alarms, int falseAlarms) {}

  public record FalseAlarmRate(Rate point, Rate unit) {}

  public record ActionPlan(String category, List<String> steps) {
    public ActionPlan {
      steps = steps == null ? List.of() : List.copyOf(steps);
    }
  }

  public record Call(
      Instant at, String by, String contactName, String phone, String outcome, String note) {}

  public record Result(String verdict, String cause, String by, Instant at, String notes) {}

  public record TimelineEntry(Instant at, String actor, String kind, String detail) {}

  /** {@code GET /api/alarms}. */
  public record HistoryPage(List<Card> items, int page, int size, long total) {
    public HistoryPage {
      items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean hasPrevious() {
      return page > 0;
    }

    public boolean hasNext() {
      return (long) (page + 1) * size < total;
    }
  }

  /** {@code GET /api/alarms/statistics/false-alarms}. */
  public record FalseAlarmStatistics(List<UnitRate> units, List<PointRate> points) {
    public FalseAlarmStatistics {
      units = units == null ? List.of() : List.copyOf(units);
      points = points == null ? List.of() : List.copyOf(points);
    }
  }

  public record UnitRate(
      String unitId,
      String unitName,
      int alarms,
      int falseAlarms,
      int tests,
      int trueFires,
      double rate) {}

  public record PointRate(
      String unitId,
      String device,
      Integer system,
      String address,
      String location,
      int alarms,
      int falseAlarms,
      double rate) {}

  /** {@code GET/PUT /api/alarm-policy}. */
  public record Policy(
      Duration unclaimedAfter,
      Duration unconfirmedAfter,
      Duration claimIdleTimeout,
      boolean forwardUnconfirmedTo119,
      Duration groupingWindow,
      int floodPoints,
      Duration floodWindow) {}

  /** One entry of {@code GET /api/action-plans}. */
  public record Plan(String category, List<String> steps) {
    public Plan {
      steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** The steps one per line, as the settings form edits them. */
    public String text() {
      return String.join("\n", steps);
    }
  }
}
