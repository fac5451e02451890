package io.fenghuo.dispatch.incident.messaging;

import io.fenghuo.dispatch.incident.CommunicationTesting;
import io.fenghuo.dispatch.incident.Dispatch;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * The service's clocks: the receipt timer (resend, then escalate) and the communication-test
 * deadline every {@code timer-period}; the daily communication test on its cron; and the
 * resubmission of publications that failed (Kafka away, webhook down) every {@code
 * resubmit-period}.
 */
@Component
class Timers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Timers.class);

  private final TaskScheduler scheduler;
  private final Dispatch dispatch;
  private final CommunicationTesting testing;
  private final IncompleteEventPublications incomplete;
  private final Duration period;
  private final String cron;
  private final ZoneId zone;
  private final Duration resubmitAfter;
  private final Duration resubmitPeriod;
  private final List<ScheduledFuture<?>> running = new ArrayList<>();

  Timers(
      TaskScheduler scheduler,
      Dispatch dispatch,
      CommunicationTesting testing,
      IncompleteEventPublications incomplete,
      @Value("${fenghuo.dispatch.timer-period:1s}") Duration period,
      @Value("${fenghuo.dispatch.communication-test.cron:0 0 9 * * *}") String cron,
      @Value("${fenghuo.dispatch.communication-test.zone:Asia/Shanghai}") ZoneId zone,
      @Value("${fenghuo.dispatch.resubmit-after:2m}") Duration resubmitAfter,
      @Value("${fenghuo.dispatch.resubmit-period:30s}") Duration resubmitPeriod) {
    this.scheduler = scheduler;
    this.dispatch = dispatch;
    this.testing = testing;
    this.incomplete = incomplete;
    this.period = period;
    this.cron = cron;
    this.zone = zone;
    this.resubmitAfter = resubmitAfter;
    this.resubmitPeriod = resubmitPeriod;
  }

  @Override
  public synchronized void start() {
    running.add(scheduler.scheduleWithFixedDelay(guarded("receipt timer", this::tick), period));
    if (!"-".equals(cron)) {
      running.add(
          scheduler.schedule(
              guarded("communication test", testing::scheduled), new CronTrigger(cron, zone)));
    }
    running.add(
        scheduler.scheduleWithFixedDelay(
            guarded(
                "outbox resubmission",
                () -> incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter)),
            resubmitPeriod));
  }

  private void tick() {
    dispatch.checkOverdue();
    testing.checkOverdue();
  }

  private static Runnable guarded(String what, Runnable work) {
    return () -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        log.error("{} failed; trying again on the next tick", what, e);
      }
    };
  }

  @Override
  public synchronized void stop() {
    running.forEach(f -> f.cancel(false));
    running.clear();
  }

  @Override
  public synchronized boolean isRunning() {
    return !running.isEmpty();
  }
}
