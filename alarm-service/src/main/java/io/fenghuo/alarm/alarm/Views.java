package io.fenghuo.alarm.alarm;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.contracts.alarm.FalseAlarmCause;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the alarm API answers (alarm-api.md), as plain records. */
public final class Views {

  private Views() {}

  /**
   * One line of the queue or the history.
   *
   * @param unitUnknown whether the alarm has no unit: its device is bound to no unit the service
   *     knows (未绑定设备). The card then names the device; the alarm gets its unit as soon as the
   *     binding reaches the service.
   */
  public record AlarmCard(
      UUID id,
      String operator,
      String unitId,
      String unitName,
      String unitAddress,
      AlarmCategory category,
      boolean humanInitiated,
      boolean maintenanceWindow,
      AlarmState state,
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

    /** The same card with the flood flag set. */
    public AlarmCard flooded(boolean value) {
      return new AlarmCard(
          id,
          operator,
          unitId,
          unitName,
          unitAddress,
          category,
          humanInitiated,
          maintenanceWindow,
          state,
          firstAlertAt,
          lastPointAt,
          pointCount,
          firstPointLocation,
          firstPointComponent,
          device,
          claimedBy,
          claimedAt,
          escalationLevel,
          value,
          forwardedUnconfirmed,
          unitUnknown);
    }
  }

  /** The operator's flood state. */
  public record Flood(boolean active, int alarmsInWindow, int units, long windowMinutes) {}

  /** The live queue. */
  public record Queue(List<AlarmCard> items, Flood flood) {}

  /** A page of the history. */
  public record HistoryPage(List<AlarmCard> items, int page, int size, long total) {}

  public record Coordinates(double latitude, double longitude) {}

  public record UnitView(
      String id,
      String name,
      String category,
      String address,
      String district,
      Coordinates coordinates) {}

  public record PointView(
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

  public record ContactView(int order, String name, String role, String phone) {}

  public record Rate(long alarms, long falseAlarms) {}

  public record FalseAlarmRate(Rate point, Rate unit) {}

  public record ActionPlan(String category, List<String> steps) {}

  public record CallView(
      Instant at, String by, String contactName, String phone, CallOutcome outcome, String note) {}

  public record Result(
      Verdict verdict, FalseAlarmCause cause, String by, Instant at, String notes) {}

  /** The alarm detail: the card's fields and everything the operator needs to handle it. */
  public record AlarmDetail(
      @JsonUnwrapped AlarmCard card,
      UnitView unit,
      List<PointView> points,
      List<ContactView> contacts,
      FalseAlarmRate falseAlarmRate,
      ActionPlan actionPlan,
      List<CallView> calls,
      Result result,
      List<TimelineEntryView> timeline,
      DispatchState dispatch) {}

  public record TimelineEntryView(Instant at, String actor, TimelineKind kind, String detail) {}

  public record UnitStatistics(
      String unitId,
      String unitName,
      long alarms,
      long falseAlarms,
      long tests,
      long trueFires,
      double rate) {}

  public record PointStatistics(
      String unitId,
      String device,
      Integer system,
      String address,
      String location,
      long alarms,
      long falseAlarms,
      double rate) {}

  public record FalseAlarmStatistics(List<UnitStatistics> units, List<PointStatistics> points) {}

  public record MaintenanceWindowView(
      UUID id, String unitId, Instant from, Instant to, String reason, String createdBy) {}
}
