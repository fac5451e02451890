package io.fenghuo.simulator.device;

import io.fenghuo.gb26875.adu.SystemType;

/**
 * A building fire facility system of a UITD: type code (table 4) and address.
 *
 * @param type 0–255
 * @param address 0–255
 */
public record SystemKey(int type, int address) {

  /**
   * @throws IllegalArgumentException if a value is not a byte
   */
  public SystemKey {
    if (type < 0 || type > 255 || address < 0 || address > 255) {
      throw new IllegalArgumentException("system type and address are 0–255");
    }
  }

  /** The table-4 type. */
  public SystemType systemType() {
    return SystemType.of(type);
  }

  @Override
  public String toString() {
    return type + ":" + address;
  }
}
