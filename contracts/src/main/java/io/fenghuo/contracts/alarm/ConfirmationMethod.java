package io.fenghuo.contracts.alarm;

/** How an operator came to confirm a fire; the 119 centre weighs a report by it. */
public enum ConfirmationMethod {
  /** The operator phoned the unit (control room first) and the unit confirmed the fire. */
  PHONE_CONFIRMED,
  /**
   * A person pressed a manual call point or the UITD's manual alarm button, and the unit confirmed
   * it (or could not be reached and the operator judged it a fire).
   */
  MANUAL_ALARM,
  /** Any other way, e.g. the operator's judgement without an answered call; see the notes. */
  OTHER
}
