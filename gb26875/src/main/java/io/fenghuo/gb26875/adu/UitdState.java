package io.fenghuo.gb26875.adu;

import java.util.EnumSet;
import java.util.Set;

/**
 * The UITD running state (用户信息传输装置运行状态), §8.2.1.8, fig. 13; one byte. Bits the standard reserves
 * are kept in {@link #bits()}, not dropped.
 *
 * @param bits the raw field, 0–255
 */
public record UitdState(int bits) {

  /**
   * @throws IllegalArgumentException if {@code bits} does not fit 8 bits
   */
  public UitdState {
    WireRanges.check("UitdState", bits, 255);
  }

  /** The field with exactly the given bits set. */
  public static UitdState of(UitdStateBit... set) {
    int bits = 0;
    for (UitdStateBit b : set) {
      bits |= b.mask();
    }
    return new UitdState(bits);
  }

  /** True if {@code bit} is set. */
  public boolean has(UitdStateBit bit) {
    return (bits & bit.mask()) != 0;
  }

  /** The named bits that are set; a new mutable set. */
  public Set<UitdStateBit> set() {
    EnumSet<UitdStateBit> out = EnumSet.noneOf(UitdStateBit.class);
    for (UitdStateBit b : UitdStateBit.values()) {
      if (has(b)) {
        out.add(b);
      }
    }
    return out;
  }

  /** Bits set that the standard reserves (should be 0). */
  public int reservedBits() {
    int named = 0;
    for (UitdStateBit b : UitdStateBit.values()) {
      named |= b.mask();
    }
    return bits & ~named;
  }

  @Override
  public String toString() {
    return "UitdState[0x" + Integer.toHexString(bits) + " " + set() + "]";
  }
}
