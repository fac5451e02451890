package io.fenghuo.inspection;

import io.fenghuo.inspection.inspection.InspectionDesk;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives the time-based work: liveness deadlines, escalations, due polls and polls without a
 * result. Several instances may run it at once: each batch locks its due rows with {@code FOR
 * UPDATE SKIP LOCKED}, so a row is handled by one instance at a time.
 */
@Component
class InspectionTimers {

  private static final Logger log = LoggerFactory.getLogger(InspectionTimers.class);
  private static final int BATCH = 100;

  private final InspectionDesk desk;

  InspectionTimers(InspectionDesk desk) {
    this.desk = desk;
  }

  @Scheduled(fixedDelayString = "${fenghuo.inspection.timers.tick:1s}")
  void tick() {
    drain("liveness", desk::sweepLiveness);
    drain("escalation", desk::escalate);
    drain("polls", desk::pollDue);
    drain("poll results", desk::expirePolls);
  }

  private static void drain(String what, IntUnaryOperator batch) {
    try {
      int handled;
      do {
        handled = batch.applyAsInt(BATCH);
      } while (handled == BATCH);
    } catch (RuntimeException e) {
      log.error("{} timer failed; retrying on the next tick", what, e);
    }
  }
}
