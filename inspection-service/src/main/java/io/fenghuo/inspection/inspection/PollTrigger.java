package io.fenghuo.inspection.inspection;

/** Why a status read (poll, 巡检) was sent. */
public enum PollTrigger {
  /** The UITD's poll period came round. */
  SCHEDULED,
  /** Someone asked for it (console, API). */
  ON_DEMAND,
  /** The panel or UITD was reset: the board is refreshed from the device. */
  PANEL_RESET
}
