package io.fenghuo.simulator.device;

import io.fenghuo.gb26875.adu.ComponentAddress;
import io.fenghuo.gb26875.adu.ComponentType;
import io.fenghuo.gb26875.adu.SystemType;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Which point of a device an event is about, resolved against the device's configured points when
 * the event happens (so one scenario line can address a whole fleet).
 *
 * @param system the system, or null for "the point's system, else the device's first system"
 * @param componentAddress the component address, or null for a system-level event
 * @param componentType the component type to use if the component is not configured, or null
 * @param random pick a random configured component (background activity, "random-point")
 */
public record PointSelector(
    SystemKey system, Long componentAddress, Integer componentType, boolean random) {

  /** The device's first system. */
  public static final PointSelector FIRST_SYSTEM = new PointSelector(null, null, null, false);

  /** A random configured component (falls back to the first system if there are none). */
  public static final PointSelector RANDOM_COMPONENT = new PointSelector(null, null, null, true);

  /** A component by address, in whatever system it is configured. */
  public static PointSelector component(long address) {
    return new PointSelector(null, address, null, false);
  }

  /**
   * The point this selector means on {@code spec}: a configured point if one matches, otherwise a
   * point made up from the selector (type generic unless given, empty description).
   */
  public Point resolve(DeviceSpec spec, RandomGenerator rnd) {
    List<SystemKey> systems = spec.systems();
    if (random) {
      List<Point> components = spec.components();
      if (components.isEmpty()) {
        return systemPoint(systems.get(0));
      }
      return components.get(rnd.nextInt(components.size()));
    }
    if (componentAddress == null) {
      return systemPoint(system != null ? system : systems.get(0));
    }
    for (Point p : spec.points()) {
      if (p.isComponent()
          && p.componentAddress().value() == componentAddress
          && (system == null || system.equals(p.system()))) {
        return p;
      }
    }
    SystemKey s = system != null ? system : systems.get(0);
    return new Point(
        SystemType.of(s.type()),
        s.address(),
        ComponentType.of(componentType == null ? 0 : componentType),
        ComponentAddress.of(componentAddress),
        "");
  }

  private static Point systemPoint(SystemKey key) {
    return new Point(key.systemType(), key.address(), null, null, "");
  }
}
