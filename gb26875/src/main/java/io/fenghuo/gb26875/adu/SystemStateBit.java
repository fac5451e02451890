package io.fenghuo.gb26875.adu;

/**
 * Named bits of the system state (系统状态), §8.2.1.1, fig. 6; two bytes LE.
 *
 * <pre>
 * bit  meaning when 1
 * 0    NORMAL
 * 1    FIRE_ALARM
 * 2    FAULT
 * 3    DISABLED
 * 4    SUPERVISORY
 * 5    STARTED
 * 6    FEEDBACK
 * 7    DELAYED
 * 8    MAIN_POWER_FAULT
 * 9    BACKUP_POWER_FAULT
 * 10   BUS_FAULT
 * 11   MANUAL_MODE
 * 12   CONFIGURATION_CHANGED
 * 13   RESET
 * </pre>
 *
 * <p>bits 14–15 reserved.
 */
public enum SystemStateBit implements StateBit {
  /** 正常运行状态 (0 = 测试状态) */
  NORMAL(0, "正常运行状态"),
  /** 火警 */
  FIRE_ALARM(1, "火警"),
  /** 故障 */
  FAULT(2, "故障"),
  /** 屏蔽 */
  DISABLED(3, "屏蔽"),
  /** 监管 */
  SUPERVISORY(4, "监管"),
  /** 启动(开启) (0 = 停止(关闭)) */
  STARTED(5, "启动(开启)"),
  /** 反馈 */
  FEEDBACK(6, "反馈"),
  /** 延时状态 */
  DELAYED(7, "延时状态"),
  /** 主电故障 */
  MAIN_POWER_FAULT(8, "主电故障"),
  /** 备电故障 */
  BACKUP_POWER_FAULT(9, "备电故障"),
  /** 总线故障 */
  BUS_FAULT(10, "总线故障"),
  /** 手动状态 (0 = 自动状态) */
  MANUAL_MODE(11, "手动状态"),
  /** 配置改变 */
  CONFIGURATION_CHANGED(12, "配置改变"),
  /** 复位 (the printed '=1 正常' for 0 is an erratum) */
  RESET(13, "复位");

  private final int bit;
  private final String label;

  SystemStateBit(int bit, String label) {
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
