package io.fenghuo.alarm.alarm;

/** The result an operator records: 真实火警, 误报, 测试. */
public enum Verdict {
  TRUE_FIRE,
  FALSE_ALARM,
  TEST
}
