package io.fenghuo.gb26875.adu;

import java.util.EnumSet;
import java.util.Set;

/**
 * The component state (部件状态), §8.2.1.2, fig. 7; two bytes LE. Bits the standard reserves are kept
 * in {@link #bits()}, not dropped.
 *
 * @param bits the raw field, 0–65535
 */
public record ComponentState(int bits) {

  /**
   * @throws IllegalArgumentException if {@code bits} does not fit 16 bits
   */
  public ComponentState {
    WireRanges.check("ComponentState", bits, 65535);
  }

  /** The field with exactly the given bits set. */
  public static ComponentState of(ComponentStateBit... set) {
    int bits = 0;
    for (ComponentStateBit b : set) {
      bits |= b.mask();
    }
    return new ComponentState(bits);
  }

  /** True if {@code bit} is set. */
  public boolean has(ComponentStateBit bit) {
    return (bits & bit.mask()) != 0;
  }

  /** The named bits that are set; a new mutable set. */
  public Set<ComponentStateBit> set() {
    EnumSet<ComponentStateBit> out = EnumSet.noneOf(ComponentStateBit.class);
    for (ComponentStateBit b : ComponentStateBit.values()) {
      if (has(b)) {
        out.add(b);
      }
    }
    return out;
  }

  /** Bits set that the standard reserves (should be 0). */
  public int reservedBits() {
    int named = 0;
    for (ComponentStateBit b : ComponentStateBit.values()) {
      named |= b.mask();
    }
    return bits & ~named;
  }

  @Override
  public String toString() {
    return "ComponentState[0x" + Integer.toHexString(bits) + " " + set() + "]";
  }
}
