package io.fenghuo.gb26875.adu;

import java.util.EnumSet;
import java.util.Set;

/**
 * The facility operation flag (操作标志), §8.2.1.4, fig. 9; one byte. Bits the standard reserves are
 * kept in {@link #bits()}, not dropped.
 *
 * @param bits the raw field, 0–255
 */
public record FacilityOperationFlags(int bits) {

  /**
   * @throws IllegalArgumentException if {@code bits} does not fit 8 bits
   */
  public FacilityOperationFlags {
    WireRanges.check("FacilityOperationFlags", bits, 255);
  }

  /** The field with exactly the given bits set. */
  public static FacilityOperationFlags of(FacilityOperationBit... set) {
    int bits = 0;
    for (FacilityOperationBit b : set) {
      bits |= b.mask();
    }
    return new FacilityOperationFlags(bits);
  }

  /** True if {@code bit} is set. */
  public boolean has(FacilityOperationBit bit) {
    return (bits & bit.mask()) != 0;
  }

  /** The named bits that are set; a new mutable set. */
  public Set<FacilityOperationBit> set() {
    EnumSet<FacilityOperationBit> out = EnumSet.noneOf(FacilityOperationBit.class);
    for (FacilityOperationBit b : FacilityOperationBit.values()) {
      if (has(b)) {
        out.add(b);
      }
    }
    return out;
  }

  /** Bits set that the standard reserves (should be 0). */
  public int reservedBits() {
    int named = 0;
    for (FacilityOperationBit b : FacilityOperationBit.values()) {
      named |= b.mask();
    }
    return bits & ~named;
  }

  @Override
  public String toString() {
    return "FacilityOperationFlags[0x" + Integer.toHexString(bits) + " " + set() + "]";
  }
}
