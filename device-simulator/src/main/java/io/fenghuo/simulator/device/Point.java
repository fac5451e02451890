package io.fenghuo.simulator.device;

import io.fenghuo.gb26875.adu.ComponentAddress;
import io.fenghuo.gb26875.adu.ComponentType;
import io.fenghuo.gb26875.adu.SystemType;
import java.util.Objects;

/**
 * One monitored point of a simulated UITD: a building fire facility system (table 4) and, for a
 * component-level point, a component of it (table 5) with its 32-bit address and description.
 *
 * @param systemType not null
 * @param systemAddress 0–255
 * @param componentType null for a system-level point
 * @param componentAddress null exactly when {@code componentType} is null
 * @param description GB 18030 text of at most 31 bytes on the wire; not null (may be empty)
 */
public record Point(
    SystemType systemType,
    int systemAddress,
    ComponentType componentType,
    ComponentAddress componentAddress,
    String description) {

  /**
   * @throws IllegalArgumentException if only one of the component fields is given or the system
   *     address is not a byte
   */
  public Point {
    Objects.requireNonNull(systemType, "systemType");
    Objects.requireNonNull(description, "description");
    if (systemAddress < 0 || systemAddress > 255) {
      throw new IllegalArgumentException("system address out of range 0–255: " + systemAddress);
    }
    if ((componentType == null) != (componentAddress == null)) {
      throw new IllegalArgumentException("component type and address must be given together");
    }
  }

  /** A component point. */
  public static Point component(
      int systemType, int systemAddress, int componentType, long componentAddress, String text) {
    return new Point(
        SystemType.of(systemType),
        systemAddress,
        ComponentType.of(componentType),
        ComponentAddress.of(componentAddress),
        text);
  }

  /** A system-level point (no component). */
  public static Point system(int systemType, int systemAddress, String text) {
    return new Point(SystemType.of(systemType), systemAddress, null, null, text);
  }

  /** True for a component point. */
  public boolean isComponent() {
    return componentType != null;
  }

  /** The system this point belongs to. */
  public SystemKey system() {
    return new SystemKey(systemType.code(), systemAddress);
  }

  /**
   * Component address packed as many panels do: loop (回路) in the low 16 bits, point (点位) in the
   * high 16 bits (see {@link ComponentAddress#low16()}).
   */
  public static long loopPoint(int loop, int point) {
    if (loop < 0 || loop > 0xFFFF || point < 0 || point > 0xFFFF) {
      throw new IllegalArgumentException("loop and point are 0–65535: " + loop + "/" + point);
    }
    return ((long) point << 16) | loop;
  }
}
