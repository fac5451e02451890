package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.alarm.FireReport;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.gb26875.adu.ComponentType;
import io.fenghuo.gb26875.adu.SystemType;
import java.util.ArrayList;
import java.util.List;

/** What the unit archive says about a unit's points and contacts, for enrichment and 119. */
public final class UnitFacts {

  /** The role the control room's line is listed under. */
  public static final String CONTROL_ROOM = "消防控制室";

  private UnitFacts() {}

  /** Where a point is; {@link PointPlace#UNKNOWN} parts when the archive does not know. */
  public static PointPlace place(UnitArchiveChanged unit, DeviceAddress device, PointRef point) {
    String component =
        point == null || point.componentType() == null
            ? null
            : ComponentType.of(point.componentType()).label();
    String system = point == null ? null : SystemType.of(point.systemType()).label();
    if (unit == null || point == null) {
      return new PointPlace(null, null, null, component, system);
    }
    for (UnitArchiveChanged.PointLocation p : unit.points()) {
      if (p.device().equals(device) && p.point().equals(point)) {
        return new PointPlace(
            p.location(), buildingName(unit, p.buildingId()), p.floor(), component, system);
      }
    }
    return new PointPlace(null, null, null, component, system);
  }

  /** The contacts in calling order: the control room first, then the archive's list. */
  public static List<Views.ContactView> contacts(UnitArchiveChanged unit) {
    List<Views.ContactView> out = new ArrayList<>();
    if (unit == null) {
      return out;
    }
    if (unit.controlRoomPhone() != null) {
      out.add(new Views.ContactView(1, CONTROL_ROOM, CONTROL_ROOM, unit.controlRoomPhone()));
    }
    for (UnitArchiveChanged.Contact c : unit.contacts()) {
      out.add(new Views.ContactView(out.size() + 1, c.name(), c.role(), c.phone()));
    }
    if (unit.safetyManager() != null && unit.safetyManager().phone() != null) {
      out.add(
          new Views.ContactView(
              out.size() + 1,
              unit.safetyManager().name(),
              "消防安全管理人",
              unit.safetyManager().phone()));
    }
    if (unit.safetyResponsible() != null && unit.safetyResponsible().phone() != null) {
      out.add(
          new Views.ContactView(
              out.size() + 1,
              unit.safetyResponsible().name(),
              "消防安全责任人",
              unit.safetyResponsible().phone()));
    }
    return out;
  }

  /**
   * The report for 119 (GB 25506 call fields).
   *
   * @param unit the unit's snapshot, or null
   * @param alarm the alarm with the operator's confirm details
   * @param points the alarm's points, first alert first
   * @param firstLocated the first point whose place the archive knows, or {@link
   *     PointPlace#UNKNOWN}
   */
  public static FireReport report(
      UnitArchiveChanged unit, AlarmRecord alarm, List<PointRef> points, PointPlace firstLocated) {
    AlarmRecord.FireDetails d = alarm.fire() == null ? AlarmRecord.FireDetails.NONE : alarm.fire();
    return new FireReport(
        unit == null ? null : unit.name(),
        unit == null ? null : unit.category(),
        unit == null ? null : unit.address(),
        unit == null ? null : unit.districtCode(),
        unit == null || unit.coordinates() == null
            ? null
            : new FireReport.Coordinates(
                unit.coordinates().latitude(), unit.coordinates().longitude()),
        firstLocated.building(),
        firstLocated.floor(),
        d.fireLocation() != null ? d.fireLocation() : firstLocated.location(),
        d.burningMaterial(),
        d.fireSize(),
        d.caller(),
        d.callerPhone(),
        contacts(unit).stream()
            .map(c -> new FireReport.Contact(c.order(), c.name(), c.role(), c.phone()))
            .toList(),
        alarm.device(),
        points);
  }

  private static String buildingName(UnitArchiveChanged unit, String buildingId) {
    if (buildingId == null) {
      return null;
    }
    return unit.buildings().stream()
        .filter(b -> b.buildingId().equals(buildingId))
        .map(UnitArchiveChanged.Building::name)
        .findFirst()
        .orElse(null);
  }
}
