package io.fenghuo.contracts.fault;

/** What proved a fault repaired: never guesswork, always something the device said. */
public enum FaultClosure {
  /** A later state of the same object no longer shows the fault (the device's recovery signal). */
  RECOVERY_SIGNAL,
  /** A status read of the centre's poll showed the system normal. */
  STATUS_READ,
  /** The silent UITD was heard again (closes a communication fault). */
  DEVICE_ONLINE
}
