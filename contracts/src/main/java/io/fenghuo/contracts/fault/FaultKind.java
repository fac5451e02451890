package io.fenghuo.contracts.fault;

/**
 * What is wrong, and where (GB/T 26875.3 §8.2.1 state bits by the object that reported them). A
 * fault of one kind on one system, component or UITD is open until a later state of the same object
 * no longer shows it.
 */
public enum FaultKind {
  /** Component state bit 2: 部件故障. */
  POINT_FAULT,
  /** Component state bit 8: 部件电源故障. */
  POINT_POWER_FAULT,
  /** Component state bit 3: 部件屏蔽 — a disabled detector is a blind spot. */
  POINT_DISABLED,
  /** System state bit 2: 系统故障. */
  SYSTEM_FAULT,
  /** System state bit 3: 系统屏蔽. */
  SYSTEM_DISABLED,
  /** System state bit 8: 主电故障. */
  MAIN_POWER_FAULT,
  /** System state bit 9: 备电故障. */
  BACKUP_POWER_FAULT,
  /** System state bit 10: 总线故障. */
  BUS_FAULT,
  /** UITD state bit 2: 用户信息传输装置故障. */
  UITD_FAULT,
  /** UITD state bits 3–4: the UITD's main or backup power failed. */
  UITD_POWER_FAULT,
  /** UITD state bits 5–6: channel to the centre or the link to the panel failed. */
  UITD_LINK_FAULT,
  /** The centre heard nothing from the UITD within its heartbeat window (通信故障). */
  COMMUNICATION_FAULT
}
