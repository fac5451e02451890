package io.fenghuo.gb26875.adu;

/**
 * Named bits of the facility operation flag (操作标志), §8.2.1.4, fig. 9; one byte.
 *
 * <pre>
 * bit  meaning when 1
 * 0    RESET
 * 1    SILENCE
 * 2    MANUAL_ALARM
 * 3    ALARM_CLEARED
 * 4    SELF_TEST
 * 5    ACKNOWLEDGE
 * 6    TEST
 * </pre>
 *
 * <p>bit 7 reserved; bit 5 means 确认 here but 查岗应答 in the UITD operation flag.
 */
public enum FacilityOperationBit implements StateBit {
  /** 复位 */
  RESET(0, "复位"),
  /** 消音 */
  SILENCE(1, "消音"),
  /** 手动报警 */
  MANUAL_ALARM(2, "手动报警"),
  /** 警情消除 */
  ALARM_CLEARED(3, "警情消除"),
  /** 自检 */
  SELF_TEST(4, "自检"),
  /** 确认 */
  ACKNOWLEDGE(5, "确认"),
  /** 测试 */
  TEST(6, "测试");

  private final int bit;
  private final String label;

  FacilityOperationBit(int bit, String label) {
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
