package io.fenghuo.starter.idempotency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps {@code processed_event} from growing for ever: every {@code interval} it forgets the ids
 * older than {@code retention} ({@code fenghuo.idempotency.retention}, default 14 days — longer
 * than the 7-day Kafka retention and any device retransmission, so no duplicate can still arrive).
 * Runs on one daemon thread; several instances purging at once only delete the same rows.
 */
public final class ProcessedEventPurge implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ProcessedEventPurge.class);

  private final IdempotentConsumer consumer;
  private final Duration retention;
  private final Duration interval;
  private final Counter purged;
  private ScheduledExecutorService scheduler;

  public ProcessedEventPurge(
      IdempotentConsumer consumer, Duration retention, Duration interval, MeterRegistry meters) {
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.interval = Objects.requireNonNull(interval, "interval");
    if (retention.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException(
          "fenghuo.idempotency.retention must be at least 1 day (duplicates arrive for days), not "
              + retention);
    }
    this.purged = Counter.builder("fenghuo.events.purged").register(meters);
  }

  /** One purge now; returns how many ids were forgotten. */
  public int runOnce() {
    int deleted = consumer.purgeOlderThan(retention);
    purged.increment(deleted);
    return deleted;
  }

  @Override
  public synchronized void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "processed-event-purge");
              t.setDaemon(true);
              return t;
            });
    long every = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  private void purgeQuietly() {
    try {
      int deleted = runOnce();
      if (deleted > 0) {
        log.info("Forgot {} processed event ids older than {}", deleted, retention);
      }
    } catch (RuntimeException e) {
      log.warn("Purging processed event ids failed; next try in {}", interval, e);
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
