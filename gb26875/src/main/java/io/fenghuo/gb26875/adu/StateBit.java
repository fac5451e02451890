package io.fenghuo.gb26875.adu;

/** One named bit of a state or operation bit field (GB/T 26875.3-2011 §8.2.1). */
public interface StateBit {

  /** Bit position, 0 = least significant. */
  int bit();

  /** The standard's meaning of the bit when set. */
  String label();

  /** {@code 1 << bit()}. */
  default int mask() {
    return 1 << bit();
  }
}
