package io.fenghuo.gb26875.adu;

import java.util.EnumSet;
import java.util.Set;

/**
 * The system state (系统状态), §8.2.1.1, fig. 6; two bytes LE. Bits the standard reserves are kept in
 * {@link #bits()}, not dropped.
 *
 * @param bits the raw field, 0–65535
 */
public record SystemState(int bits) {

  /**
   * @throws IllegalArgumentException if {@code bits} does not fit 16 bits
   */
  public SystemState {
    WireRanges.check("SystemState", bits, 65535);
  }

  /** The field with exactly the given bits set. */
  public static SystemState of(SystemStateBit... set) {
    int bits = 0;
    for (SystemStateBit b : set) {
      bits |= b.mask();
    }
    return new SystemState(bits);
  }

  /** True if {@code bit} is set. */
  public boolean has(SystemStateBit bit) {
    return (bits & bit.mask()) != 0;
  }

  /** The named bits that are set; a new mutable set. */
  public Set<SystemStateBit> set() {
    EnumSet<SystemStateBit> out = EnumSet.noneOf(SystemStateBit.class);
    for (SystemStateBit b : SystemStateBit.values()) {
      if (has(b)) {
        out.add(b);
      }
    }
    return out;
  }

  /** Bits set that the standard reserves (should be 0). */
  public int reservedBits() {
    int named = 0;
    for (SystemStateBit b : SystemStateBit.values()) {
      named |= b.mask();
    }
    return bits & ~named;
  }

  @Override
  public String toString() {
    return "SystemState[0x" + Integer.toHexString(bits) + " " + set() + "]";
  }
}
