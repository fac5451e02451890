package io.fenghuo.contracts.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.unit.UnitCategory;
import java.util.List;
import java.util.Objects;

/**
 * What the 119 command centre needs to dispatch (GB 25506-2010 §5.3 / GB 50440 §3.0.2: the fire
 * alarm call fields): where the fire is, what burns, how big it is, who reported it and whom to
 * call back; plus the device and points it came from. Every text field is null when not known: a
 * report is sent at once with what is known rather than late with everything.
 *
 * @param unitName the unit's registered name, or null if the device is not bound to a unit
 * @param unitCategory the unit's fire-safety category, or null
 * @param unitAddress the street address, or null
 * @param district the administrative district (GB/T 2260, 6 digits), or null
 * @param coordinates WGS 84 position of the unit, or null
 * @param building the building of the first point (e.g. 1号楼), or null
 * @param floor the floor of the first point (negative below ground, never 0), or null
 * @param fireLocation the point location (起火部位), e.g. 3层东侧走廊, or null
 * @param burningMaterial the burning material (燃烧物质) as the unit said, or null
 * @param fireSize the fire size (火势) as the unit said, or null
 * @param caller the person who confirmed the fire at the unit (报警人), or null
 * @param callerPhone the caller's phone (报警电话), or null
 * @param contacts the unit's contacts in calling order (control room first); never null
 * @param device the UITD of the first signal, or null
 * @param points every point of the alarm, first alert first; never null, may be empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FireReport(
    String unitName,
    UnitCategory unitCategory,
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
    DeviceAddress device,
    List<PointRef> points) {

  /**
   * @throws NullPointerException if a list is null
   */
  public FireReport {
    contacts = List.copyOf(Objects.requireNonNull(contacts, "contacts"));
    points = List.copyOf(Objects.requireNonNull(points, "points"));
  }

  /** A report that knows nothing beyond the alarm itself. */
  public static FireReport unknown() {
    return new FireReport(
        null, null, null, null, null, null, null, null, null, null, null, null, List.of(), null,
        List.of());
  }

  /**
   * WGS 84 coordinates.
   *
   * @param latitude degrees, −90 … 90
   * @param longitude degrees, −180 … 180
   */
  public record Coordinates(double latitude, double longitude) {}

  /**
   * A person to call back at the unit.
   *
   * @param order the calling order, from 1
   * @param name never null
   * @param role e.g. 消防控制室, 值班员; never null
   * @param phone never null
   */
  public record Contact(int order, String name, String role, String phone) {

    /**
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the order is below 1
     */
    public Contact {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(phone, "phone");
      if (order < 1) {
        throw new IllegalArgumentException("contact order " + order + " must be at least 1");
      }
    }
  }
}
