package io.fenghuo.alarm;

import io.fenghuo.alarm.alarm.AlarmDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives the escalation timers. Several instances may run it at once: each batch locks its due
 * alarms with {@code FOR UPDATE SKIP LOCKED}, so an alarm is handled by one instance at a time.
 */
@Component
class EscalationTimer {

  private static final Logger log = LoggerFactory.getLogger(EscalationTimer.class);
  private static final int BATCH = 100;

  private final AlarmDesk desk;

  EscalationTimer(AlarmDesk desk) {
    this.desk = desk;
  }

  @Scheduled(fixedDelayString = "${fenghuo.alarm.escalation.poll:1s}")
  void tick() {
    try {
      int handled;
      do {
        handled = desk.applyTimers(BATCH);
      } while (handled == BATCH);
    } catch (RuntimeException e) {
      log.error("escalation timers failed; retrying on the next tick", e);
    }
  }
}
