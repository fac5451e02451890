package io.fenghuo.contracts.alarm;

/** What kind of alarm an operator handles; fire alarms always come first in the queue. */
public enum AlarmCategory {
  /** 火警: fire bit of a system or component, manual alarm, or the UITD's fire state. */
  FIRE,
  /** 监管: a supervisory state of a facility (e.g. a closed valve, a sprinkler pressure switch). */
  SUPERVISORY,
  /** Anything else the operator must look at. */
  OTHER
}
