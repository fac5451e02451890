package io.fenghuo.contracts.signal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where on a UITD's connected facilities a signal comes from (GB/T 26875.3 §8.2.1.1–2): a building
 * fire facility system (type per table 4, address 0–255) and, for component-level signals, a
 * component (type per table 5, 32-bit address as an unsigned number). The unit archive maps this to
 * a building, floor and location text.
 *
 * @param systemType system type code, 0–255
 * @param systemAddress system address, 0–255
 * @param componentType component type code 0–255, or null for a system-level signal
 * @param componentAddress component address 0–4294967295, or null for a system-level signal
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PointRef(
    int systemType, int systemAddress, Integer componentType, Long componentAddress) {

  /**
   * @throws IllegalArgumentException if a value is out of range, or only one of the component
   *     fields is given
   */
  public PointRef {
    requireByte("system type", systemType);
    requireByte("system address", systemAddress);
    if ((componentType == null) != (componentAddress == null)) {
      throw new IllegalArgumentException(
          "component type and component address must be given together");
    }
    if (componentType != null) {
      requireByte("component type", componentType);
      if (componentAddress < 0 || componentAddress > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException(
            "component address " + componentAddress + " is out of range 0..4294967295");
      }
    }
  }

  /** A system-level point. */
  public static PointRef system(int systemType, int systemAddress) {
    return new PointRef(systemType, systemAddress, null, null);
  }

  /** A component of a system. */
  public static PointRef component(
      int systemType, int systemAddress, int componentType, long componentAddress) {
    return new PointRef(systemType, systemAddress, componentType, componentAddress);
  }

  private static void requireByte(String what, int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException(what + " " + value + " is out of range 0..255");
    }
  }
}
