package io.fenghuo.simulator.session;

/**
 * What a simulated UITD sends as a keep-alive. The standard defines no heartbeat (reference §1);
 * devices in the field send one of these, and a centre has to accept all of them as liveness.
 */
public enum HeartbeatMode {
  /** No keep-alive at all. */
  NONE,
  /** An empty send-data frame (command 2, L = 0). */
  EMPTY,
  /** A type-21 UITD running state upload with the current state (fig. 26). */
  UITD_STATE
}
