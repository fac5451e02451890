package io.fenghuo.gb26875.adu;

/**
 * The type flags (类型标志) of GB/T 26875.3-2011 table 3 that the standard defines, with the object
 * count limit n of the per-type figures (§8.3). Reserved (0, 9–20, 22, 23, 27, 29–60, 69–80, 82,
 * 83, 87, 92–127), user-defined (128–254) and 255 have no constant; their ADUs decode to {@link
 * OpaqueData}.
 */
public enum TypeFlag {
  SYSTEM_STATE(1, Direction.UP, 102, "上传建筑消防设施系统状态"),
  COMPONENT_STATE(2, Direction.UP, 22, "上传建筑消防设施部件运行状态"),
  COMPONENT_ANALOG_VALUE(3, Direction.UP, 63, "上传建筑消防设施部件模拟量值"),
  FACILITY_OPERATION(4, Direction.UP, 102, "上传建筑消防设施操作信息"),
  FACILITY_SOFTWARE_VERSION(5, Direction.UP, 1, "上传建筑消防设施软件版本"),
  SYSTEM_CONFIGURATION(6, Direction.UP, 3, "上传建筑消防设施系统配置情况"),
  COMPONENT_CONFIGURATION(7, Direction.UP, 26, "上传建筑消防设施部件配置情况"),
  FACILITY_SYSTEM_TIME(8, Direction.UP, 1, "上传建筑消防设施系统时间"),
  UITD_STATE(21, Direction.UP, 1, "上传用户信息传输装置运行状态"),
  UITD_OPERATION(24, Direction.UP, 127, "上传用户信息传输装置操作信息"),
  UITD_SOFTWARE_VERSION(25, Direction.UP, 1, "上传用户信息传输装置软件版本"),
  UITD_CONFIGURATION(26, Direction.UP, 1, "上传用户信息传输装置配置情况"),
  UITD_SYSTEM_TIME(28, Direction.UP, 1, "上传用户信息传输装置系统时间"),
  READ_SYSTEM_STATE(61, Direction.DOWN, 102, "读建筑消防设施系统状态"),
  READ_COMPONENT_STATE(62, Direction.DOWN, 22, "读建筑消防设施部件运行状态"),
  READ_COMPONENT_ANALOG_VALUE(63, Direction.DOWN, 63, "读建筑消防设施部件模拟量值"),
  READ_FACILITY_OPERATIONS(64, Direction.DOWN, 1, "读建筑消防设施操作信息"),
  READ_FACILITY_SOFTWARE_VERSION(65, Direction.DOWN, 1, "读建筑消防设施软件版本"),
  READ_SYSTEM_CONFIGURATION(66, Direction.DOWN, 3, "读建筑消防设施系统配置情况"),
  READ_COMPONENT_CONFIGURATION(67, Direction.DOWN, 26, "读建筑消防设施部件配置情况"),
  READ_FACILITY_SYSTEM_TIME(68, Direction.DOWN, 1, "读建筑消防设施系统时间"),
  READ_UITD_STATE(81, Direction.DOWN, 1, "读用户信息传输装置运行状态"),
  READ_UITD_OPERATIONS(84, Direction.DOWN, 1, "读用户信息传输装置操作信息记录"),
  READ_UITD_SOFTWARE_VERSION(85, Direction.DOWN, 1, "读用户信息传输装置软件版本"),
  READ_UITD_CONFIGURATION(86, Direction.DOWN, 1, "读用户信息传输装置配置情况"),
  READ_UITD_SYSTEM_TIME(88, Direction.DOWN, 1, "读用户信息传输装置系统时间"),
  INITIALISE_UITD(89, Direction.DOWN, 1, "初始化用户信息传输装置"),
  SYNCHRONISE_CLOCK(90, Direction.DOWN, 1, "同步用户信息传输装置时钟"),
  DUTY_CHECK(91, Direction.DOWN, 1, "查岗命令");

  /** Which way a type travels (table 3). */
  public enum Direction {
    /** UITD → centre, command 2 (spontaneous) or 5 (answer to a read). */
    UP,
    /** Centre → UITD, command 4 (reads) or the control command byte (89–91). */
    DOWN
  }

  private static final TypeFlag[] BY_VALUE = new TypeFlag[256];

  static {
    for (TypeFlag t : values()) {
      BY_VALUE[t.value] = t;
    }
  }

  private final int value;
  private final Direction direction;
  private final int maxObjects;
  private final String label;

  TypeFlag(int value, Direction direction, int maxObjects, String label) {
    this.value = value;
    this.direction = direction;
    this.maxObjects = maxObjects;
    this.label = label;
  }

  /** The wire value. */
  public int value() {
    return value;
  }

  public Direction direction() {
    return direction;
  }

  /** The limit n on the object count printed in the type's figure (§8.3). */
  public int maxObjects() {
    return maxObjects;
  }

  /** The standard's Chinese name. */
  public String label() {
    return label;
  }

  /** True for the control commands 89–91 (send/confirm, §6.2); false for reads and uploads. */
  public boolean isControl() {
    return this == INITIALISE_UITD || this == SYNCHRONISE_CLOCK || this == DUTY_CHECK;
  }

  /** True for the reads 61–88 (request/response, §6.4). */
  public boolean isRead() {
    return direction == Direction.DOWN && !isControl();
  }

  /**
   * The upload type that answers this read: table 3 places every read 60 above the type it reads
   * (61 → 1, …, 88 → 28).
   *
   * @return the answer type, or {@code null} if this is not a read
   */
  public TypeFlag answerType() {
    return isRead() ? lookup(value - 60) : null;
  }

  /**
   * @param value 0–255
   * @return the defined type, or {@code null} for reserved, user-defined and out-of-range values
   */
  public static TypeFlag lookup(int value) {
    return value >= 0 && value < 256 ? BY_VALUE[value] : null;
  }
}
