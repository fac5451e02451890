package io.fenghuo.gb26875.profile;

/**
 * Whether a type-21 (UITD running state) object carries its time label (GB/T 26875.3-2011 §8.3.1.9,
 * fig. 26). The figure requires one; some firmware sends only the 1-byte state.
 */
public enum UitdStatusTimeLabel {
  /** Standard: 1 state byte + 6-byte time label per object. */
  REQUIRED,
  /**
   * Decode accepts 7-byte and 1-byte objects (chosen by the ADU length); encode writes it if set.
   */
  OPTIONAL,
  /** Vendor deviation: 1 state byte per object, no time label. */
  ABSENT
}
