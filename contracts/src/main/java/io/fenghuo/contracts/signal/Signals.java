package io.fenghuo.contracts.signal;

/** Checks shared by the signal records. */
final class Signals {

  private Signals() {}

  static void requireSerial(int serial) {
    if (serial < 0 || serial > 0xFFFF) {
      throw new IllegalArgumentException("frame serial " + serial + " is out of range 0..65535");
    }
  }
}
