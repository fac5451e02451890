package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.signal.StatusSource;

/**
 * The board's key of a reporting object of one UITD: {@code U} for the UITD itself, {@code
 * S:<type>:<address>} for a system, {@code C:<type>:<address>:<ctype>:<caddress>} for a component.
 */
public final class ObjectKey {

  /** The UITD's own state. */
  public static final String UITD = "U";

  private ObjectKey() {}

  /** The key of a status's object. */
  public static String of(StatusSource source, PointRef point) {
    if (source == StatusSource.UITD || point == null) {
      return UITD;
    }
    return point.componentType() == null ? system(point) : component(point);
  }

  /** The key of a point (system or component). */
  public static String of(PointRef point) {
    if (point == null) {
      return UITD;
    }
    return point.componentType() == null ? system(point) : component(point);
  }

  /** The key of the system a point belongs to. */
  public static String system(PointRef point) {
    return "S:" + point.systemType() + ":" + point.systemAddress();
  }

  /** The prefix of the keys of the components of a system. */
  public static String componentsOf(PointRef system) {
    return "C:" + system.systemType() + ":" + system.systemAddress() + ":";
  }

  private static String component(PointRef p) {
    return "C:"
        + p.systemType()
        + ":"
        + p.systemAddress()
        + ":"
        + p.componentType()
        + ":"
        + p.componentAddress();
  }
}
