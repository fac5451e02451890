package io.fenghuo.console.dispatch;

import io.fenghuo.console.alarms.AlarmApi.Coordinates;
import java.time.Instant;
import java.util.List;

/**
 * The dispatch-119 service's HTTP API as the terminal reads it (its README canvas): wire records
 * only, unknown fields ignored, enum values kept as strings so a value the console does not know is
 * shown as it is instead of failing.
 */
public final class DispatchApi {

  private DispatchApi() {}

  /** The dispatch progress a dispatcher reports, in order (the terminal's buttons). */
  public static final List<String> STAGES =
      List.of("ACCEPTED", "UNITS_DISPATCHED", "ARRIVED", "UNDER_CONTROL", "CLOSED");

  /** One fire forwarded to 119 ({@code GET /api/incidents}). */
  public record Incident(
      String id,
      String alarmId,
      String operator,
      String unit,
      boolean confirmed,
      int revision,
      int attempt,
      String status,
      boolean humanInitiated,
      Instant firstAlertAt,
      Instant confirmedAt,
      String confirmedBy,
      String method,
      String unconfirmedReason,
      String notes,
      Report report,
      Instant createdAt,
      Instant firstSentAt,
      Instant publishedAt,
      Instant acknowledgedAt,
      Instant escalatedAt,
      Long confirmToPublishMillis,
      Long publishToReceiptMillis) {

    public Incident {
      report = report == null ? Report.EMPTY : report;
    }

    /** Not acknowledged by 119 yet: the terminal shows it red, first, and sounds. */
    public boolean awaitingReceipt() {
      return "AWAITING_RECEIPT".equals(status);
    }

    /** Whether the dispatcher may still report progress. */
    public boolean open() {
      return !"CLOSED".equals(status) && !"WITHDRAWN".equals(status);
    }

    /** The unit's name, else its id, else a dash. */
    public String unitLabel() {
      if (report.unitName() != null && !report.unitName().isBlank()) {
        return report.unitName();
      }
      return unit != null ? unit : "—";
    }

    /** Whether a progress stage has been reached (the button shows it done). */
    public boolean reached(String stage) {
      int at = STAGES.indexOf(status);
      int wanted = STAGES.indexOf(stage);
      return at >= 0 && wanted >= 0 && at >= wanted;
    }

    /** The floor as the unit names it: 3F above ground, B1 below. */
    public String floorLabel() {
      Integer f = report.floor();
      return f == null ? null : f < 0 ? "B" + (-f) : f + "F";
    }
  }

  /** The fire alarm call fields (GB 25506) the operator forwarded. */
  public record Report(
      String unitName,
      String unitCategory,
      String unitAddress,
      String district,
      Coordinates coordinates,
      String building,
      Integer floor,
      String fireLocation,
      String burningMaterial,
      String fireSize,
      String caller,
      String callerPhone,
      List<Contact> contacts,
      String device) {

    static final Report EMPTY =
        new Report(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public Report {
      contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
  }

  /** A contact of the unit, in calling order. */
  public record Contact(int order, String name, String role, String phone) {}

  /** One step of an incident's record. */
  public record TimelineEntry(
      Instant at,
      String kind,
      String path,
      Integer revision,
      Integer attempt,
      String status,
      String actor,
      String detail) {}

  /** {@code GET /api/incidents/{id}}. */
  public record IncidentDetail(Incident incident, List<TimelineEntry> timeline) {
    public IncidentDetail {
      timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }
  }

  /** A page of incidents. */
  public record IncidentPage(List<Incident> items, int page, int size, long total) {
    public IncidentPage {
      items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean hasNext() {
      return (long) (page + 1) * size < total;
    }
  }

  /** One communication test with the 119 centre (GB 50440 §8). */
  public record CommunicationTest(
      String id,
      String trigger,
      String requestedBy,
      Instant startedAt,
      Instant deadline,
      String status,
      Instant kafkaSentAt,
      String webhookResult,
      Instant answeredAt,
      String answeredBy,
      Instant failedAt,
      String detail) {

    public boolean pending() {
      return "PENDING".equals(status);
    }
  }

  /** A page of communication tests. */
  public record TestPage(List<CommunicationTest> items, int page, int size, long total) {
    public TestPage {
      items = items == null ? List.of() : List.copyOf(items);
    }
  }
}
