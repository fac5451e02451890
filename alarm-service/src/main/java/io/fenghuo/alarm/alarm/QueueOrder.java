package io.fenghuo.alarm.alarm;

import java.util.Comparator;

/**
 * The order of the operators' queue (alarm-api.md): fire before supervisory before other; within a
 * category unclaimed before claimed; then the newest first alert first.
 */
public final class QueueOrder {

  /** The comparator. */
  public static final Comparator<Views.AlarmCard> ORDER =
      Comparator.<Views.AlarmCard>comparingInt(c -> c.category().ordinal())
          .thenComparingInt(c -> c.state() == AlarmState.OPEN ? 0 : 1)
          .thenComparing(Views.AlarmCard::firstAlertAt, Comparator.reverseOrder())
          .thenComparing(Views.AlarmCard::id);

  private QueueOrder() {}
}
