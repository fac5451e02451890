package io.fenghuo.gateway.uplink;

/**
 * Which producer and worker carry a frame's signals (ARCHITECTURE.md §6 "fire first"): a frame with
 * any fire alarm goes on the alarm lane, everything else on the bulk lane.
 */
public enum Lane {
  /** Fire and manual alarms: own worker, own producer with {@code linger.ms=0}. */
  ALARM,
  /** Status, operations, telemetry: batched. */
  BULK
}
