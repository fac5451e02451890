package io.fenghuo.gb26875.adu;

import java.util.EnumSet;
import java.util.Set;

/**
 * The UITD operation flag (操作标志), §8.2.1.9, fig. 14; one byte. Bits the standard reserves are kept
 * in {@link #bits()}, not dropped.
 *
 * @param bits the raw field, 0–255
 */
public record UitdOperationFlags(int bits) {

  /**
   * @throws IllegalArgumentException if {@code bits} does not fit 8 bits
   */
  public UitdOperationFlags {
    WireRanges.check("UitdOperationFlags", bits, 255);
  }

  /** The field with exactly the given bits set. */
  public static UitdOperationFlags of(UitdOperationBit... set) {
    int bits = 0;
    for (UitdOperationBit b : set) {
      bits |= b.mask();
    }
    return new UitdOperationFlags(bits);
  }

  /** True if {@code bit} is set. */
  public boolean has(UitdOperationBit bit) {
    return (bits & bit.mask()) != 0;
  }

  /** The named bits that are set; a new mutable set. */
  public Set<UitdOperationBit> set() {
    EnumSet<UitdOperationBit> out = EnumSet.noneOf(UitdOperationBit.class);
    for (UitdOperationBit b : UitdOperationBit.values()) {
      if (has(b)) {
        out.add(b);
      }
    }
    return out;
  }

  /** Bits set that the standard reserves (should be 0). */
  public int reservedBits() {
    int named = 0;
    for (UitdOperationBit b : UitdOperationBit.values()) {
      named |= b.mask();
    }
    return bits & ~named;
  }

  @Override
  public String toString() {
    return "UitdOperationFlags[0x" + Integer.toHexString(bits) + " " + set() + "]";
  }
}
