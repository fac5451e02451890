package io.fenghuo.contracts.signal;

/**
 * The named bits of operation information: facility (GB/T 26875.3 fig. 9) and UITD (fig. 14). Bit 5
 * differs between the two: acknowledge on the facility, duty-check reply on the UITD.
 */
public enum OperationFlag {
  /** Bit 0: 复位. */
  RESET,
  /** Bit 1: 消音. */
  SILENCE,
  /** Bit 2: 手动报警. */
  MANUAL_ALARM,
  /** Bit 3: 警情消除. */
  ALARM_CLEARED,
  /** Bit 4: 自检. */
  SELF_TEST,
  /** Facility bit 5: 确认. */
  ACKNOWLEDGE,
  /** UITD bit 5: 查岗应答. */
  DUTY_CHECK_REPLY,
  /** Bit 6: 测试. */
  TEST
}
