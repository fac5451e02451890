package io.fenghuo.contracts.signal;

/**
 * The named bits of the state fields of GB/T 26875.3 §8.2.1: system state (fig. 6), component state
 * (fig. 7) and UITD running state (fig. 13). A flag is present when its condition holds; bit 0 is
 * inverted into {@link #TEST} because "1 = normal" is the quiet case.
 */
public enum StateFlag {
  /** Bit 0 = 0: test mode (测试状态). */
  TEST,
  /** 火警. */
  FIRE_ALARM,
  /** 故障. */
  FAULT,
  /** 屏蔽: disabled or isolated; a disabled detector is a blind spot. */
  DISABLED,
  /** 监管. */
  SUPERVISORY,
  /** 启动(开启). */
  STARTED,
  /** 反馈. */
  FEEDBACK,
  /** 延时状态. */
  DELAY,
  /** System state bit 8 / UITD state bit 3: 主电故障. */
  MAIN_POWER_FAULT,
  /** System state bit 9 / UITD state bit 4: 备电故障. */
  BACKUP_POWER_FAULT,
  /** System state bit 10: 总线故障. */
  BUS_FAULT,
  /** System state bit 11: 手动状态 (automatic linkage off). */
  MANUAL_MODE,
  /** System state bit 12: 配置改变. */
  CONFIGURATION_CHANGED,
  /** System state bit 13: 复位. */
  RESET,
  /** Component state bit 8: 电源故障. */
  POWER_FAULT,
  /** UITD state bit 5: 与监控中心通信信道故障. */
  CENTRE_CHANNEL_FAULT,
  /** UITD state bit 6: 监测连接线路故障 (link to the panel). */
  MONITORING_LINK_FAULT
}
