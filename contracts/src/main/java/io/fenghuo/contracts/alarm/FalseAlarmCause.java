package io.fenghuo.contracts.alarm;

/** The cause of a false alarm as the unit reported it; feeds the false-alarm rate per point. */
public enum FalseAlarmCause {
  /** 粉尘. */
  DUST,
  /** 水汽/蒸汽. */
  STEAM,
  /** 施工维保. */
  MAINTENANCE,
  /** 设备故障. */
  DEVICE_FAULT,
  /** 其他. */
  OTHER
}
