package io.fenghuo.gb26875.adu;

/**
 * Named bits of the UITD running state (用户信息传输装置运行状态), §8.2.1.8, fig. 13; one byte.
 *
 * <pre>
 * bit  meaning when 1
 * 0    NORMAL_MONITORING
 * 1    FIRE_ALARM
 * 2    FAULT
 * 3    MAIN_POWER_FAULT
 * 4    BACKUP_POWER_FAULT
 * 5    CENTRE_CHANNEL_FAULT
 * 6    PANEL_LINK_FAULT
 * </pre>
 *
 * <p>bit 7 reserved.
 */
public enum UitdStateBit implements StateBit {
  /** 正常监视状态 (0 = 测试状态) */
  NORMAL_MONITORING(0, "正常监视状态"),
  /** 火警 */
  FIRE_ALARM(1, "火警"),
  /** 故障 */
  FAULT(2, "故障"),
  /** 主电故障 */
  MAIN_POWER_FAULT(3, "主电故障"),
  /** 备电故障 */
  BACKUP_POWER_FAULT(4, "备电故障"),
  /** 与监控中心通信信道故障 */
  CENTRE_CHANNEL_FAULT(5, "与监控中心通信信道故障"),
  /** 监测连接线路故障 */
  PANEL_LINK_FAULT(6, "监测连接线路故障");

  private final int bit;
  private final String label;

  UitdStateBit(int bit, String label) {
    this.bit = bit;
    this.label = label;
  }

  @Override
  public int bit() {
    return bit;
  }

  @Override
  public String label() {
    return label;
  }
}
