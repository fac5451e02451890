package io.fenghuo.contracts.command;

/** How a downlink command ended. */
public enum CommandOutcome {
  /** The UITD confirmed the control command (cmd 3). */
  CONFIRMED,
  /** The UITD answered the read (cmd 5); the answer's signals are on the signal streams. */
  ANSWERED,
  /** 查岗: the person on duty replied (type 24, bit 5) within the command's timeout. */
  DUTY_CHECK_ANSWERED,
  /** 查岗: the UITD confirmed the command but nobody replied within the timeout (未应答). */
  DUTY_CHECK_UNANSWERED,
  /** The UITD denied the command (cmd 6) on every attempt. */
  DENIED,
  /** No confirm or response after the timeout and all retries (§6.5). */
  TIMED_OUT,
  /** No gateway instance holds a connection to the UITD. */
  DEVICE_OFFLINE,
  /** The command was invalid (missing parameters) or expired before it could be sent. */
  REJECTED
}
