package io.fenghuo.contracts.signal;

/** Why a UITD session ended. */
public enum DisconnectReason {
  /** The device closed the connection. */
  CLOSED_BY_DEVICE,
  /** Nothing arrived within the heartbeat window. */
  IDLE_TIMEOUT,
  /** The device kept sending frames that could not be decoded. */
  PROTOCOL_ERROR,
  /** The same device connected again; the older session was closed. */
  REPLACED,
  /** The gateway instance shut down. */
  GATEWAY_SHUTDOWN,
  /** A network error (reset, broken pipe). */
  NETWORK_ERROR
}
