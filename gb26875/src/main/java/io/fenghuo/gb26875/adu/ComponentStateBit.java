package io.fenghuo.gb26875.adu;

/**
 * Named bits of the component state (部件状态), §8.2.1.2, fig. 7; two bytes LE.
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
 * 8    POWER_FAULT
 * </pre>
 *
 * <p>bits 9–15 reserved; unlike the system state, power faults are one bit.
 */
public enum ComponentStateBit implements StateBit {
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
  /** 电源故障 */
  POWER_FAULT(8, "电源故障");

  private final int bit;
  private final String label;

  ComponentStateBit(int bit, String label) {
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
