package io.fenghuo.contracts.unit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.PointRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A unit's archive changed; the record carries the whole current snapshot that the services on the
 * alarm path need (GB 25506 appendix B basic data, contacts in calling order, device bindings and
 * point locations), so they keep local read models and never call the unit-service synchronously.
 * On the compacted topic only the latest snapshot per unit is kept; a consumer keeps the one with
 * the highest {@code version}.
 *
 * <p>Personal identity numbers are deliberately not on the bus.
 *
 * @param unitId the unit; never null
 * @param version the archive's version, increasing with every change of the unit or its parts; a
 *     republished snapshot repeats it (and its CloudEvent id)
 * @param changedAt when the archive last changed; never null
 * @param name the unit's registered name; never null
 * @param creditCode the unified social credit code (统一社会信用代码, GB 32100), or null if unknown
 * @param category the fire-safety category; never null
 * @param districtCode the administrative district (GB/T 2260, 6 digits); never null
 * @param address the street address; never null
 * @param coordinates the location on the map, or null
 * @param phone the unit's phone, or null
 * @param controlRoomPhone the fire control room's phone (消防控制室电话), called first to confirm an
 *     alarm, or null
 * @param safetyResponsible the 消防安全责任人, or null
 * @param safetyManager the 消防安全管理人, or null
 * @param contacts further contacts in calling order; never null, may be empty
 * @param operatorContract the monitoring service contract with the operator, or null
 * @param maintenance the maintenance company contract (维保单位), or null
 * @param buildings the unit's buildings; never null
 * @param devices the UITDs bound to the unit (device address → unit); never null
 * @param systems the building fire facility systems reached through each UITD; never null
 * @param points the located points (component → building, floor, location); never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitArchiveChanged(
    UnitId unitId,
    long version,
    Instant changedAt,
    String name,
    String creditCode,
    UnitCategory category,
    String districtCode,
    String address,
    Coordinates coordinates,
    String phone,
    String controlRoomPhone,
    Person safetyResponsible,
    Person safetyManager,
    List<Contact> contacts,
    ContractPeriod operatorContract,
    MaintenanceContract maintenance,
    List<Building> buildings,
    List<DeviceBinding> devices,
    List<FacilitySystem> systems,
    List<PointLocation> points)
    implements UnitEvent {

  /**
   * @throws NullPointerException if a required field is null
   */
  public UnitArchiveChanged {
    Objects.requireNonNull(unitId, "unitId");
    Objects.requireNonNull(changedAt, "changedAt");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(districtCode, "districtCode");
    Objects.requireNonNull(address, "address");
    contacts = List.copyOf(Objects.requireNonNull(contacts, "contacts"));
    buildings = List.copyOf(Objects.requireNonNull(buildings, "buildings"));
    devices = List.copyOf(Objects.requireNonNull(devices, "devices"));
    systems = List.copyOf(Objects.requireNonNull(systems, "systems"));
    points = List.copyOf(Objects.requireNonNull(points, "points"));
  }

  /**
   * WGS 84 coordinates.
   *
   * @param latitude degrees, −90 … 90
   * @param longitude degrees, −180 … 180
   */
  public record Coordinates(double latitude, double longitude) {}

  /**
   * A named person with a phone.
   *
   * @param name never null
   * @param phone or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Person(String name, String phone) {}

  /**
   * A contact to call about the unit, in the order of the list.
   *
   * @param name never null
   * @param role e.g. 值班员, 保安队长; never null
   * @param phone never null
   */
  public record Contact(String name, String role, String phone) {}

  /**
   * The period of a contract; either end may be open (null).
   *
   * @param from first day, or null
   * @param to last day, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ContractPeriod(LocalDate from, LocalDate to) {}

  /**
   * The maintenance company (维保单位) receiving the unit's fault work orders.
   *
   * @param company never null
   * @param phone or null
   * @param from first day, or null
   * @param to last day, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MaintenanceContract(String company, String phone, LocalDate from, LocalDate to) {}

  /**
   * A building of the unit, as far as alarm handling needs it.
   *
   * @param buildingId stable id within the platform; never null
   * @param name e.g. 1号楼; never null
   * @param floorsAbove storeys above ground
   * @param floorsBelow storeys below ground
   */
  public record Building(String buildingId, String name, int floorsAbove, int floorsBelow) {}

  /**
   * A UITD bound to the unit: every signal keyed by this address belongs to the unit.
   *
   * @param device the UITD address; never null
   * @param model the device model, or null
   * @param profile the device profile (vendor deviations) the gateway applies, or null for the
   *     standard
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DeviceBinding(DeviceAddress device, String model, String profile) {}

  /**
   * A building fire facility system (e.g. one fire alarm control panel) reached through a UITD.
   *
   * @param device the UITD; never null
   * @param systemType GB/T 26875.3 table 4 system type, 0–255
   * @param systemAddress system address, 0–255
   * @param name e.g. 1号楼火灾报警控制器, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FacilitySystem(
      DeviceAddress device, int systemType, int systemAddress, String name) {}

  /**
   * Where a point (component) is.
   *
   * @param device the UITD; never null
   * @param point system and component address as carried in signals; never null
   * @param location location text, e.g. 3层东侧走廊; never null
   * @param buildingId the building, or null
   * @param floor the floor (negative below ground, never 0), or null
   * @param zone the fire zone or area, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PointLocation(
      DeviceAddress device,
      PointRef point,
      String location,
      String buildingId,
      Integer floor,
      String zone) {}
}
