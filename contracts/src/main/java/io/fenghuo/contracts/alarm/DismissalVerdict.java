package io.fenghuo.contracts.alarm;

/** Why an alarm was closed without going to 119. */
public enum DismissalVerdict {
  /** 误报. */
  FALSE_ALARM,
  /** 测试. */
  TEST
}
