package io.fenghuo.starter.idempotency;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly-once effects over at-least-once delivery (ARCHITECTURE.md §6): the event id is recorded
 * in the {@code processed_event} table in the same database transaction as the state change it
 * guards. A redelivered or retransmitted event finds its id and is skipped; if the work fails, the
 * transaction rolls back, the id with it, and the redelivery runs the work again.
 */
public final class IdempotentConsumer {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final String consumer;
  private final Counter processed;
  private final Counter duplicates;

  /**
   * @param consumer the name of this consumer (one table serves several listeners of a service)
   */
  public IdempotentConsumer(
      JdbcClient jdbc, TransactionTemplate transactions, String consumer, MeterRegistry meters) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.processed =
        Counter.builder("fenghuo.events.processed").tag("consumer", consumer).register(meters);
    this.duplicates =
        Counter.builder("fenghuo.events.duplicates").tag("consumer", consumer).register(meters);
  }

  /**
   * Runs {@code work} in a transaction unless the event was processed before.
   *
   * @param eventId the event's id ({@code ce_id}); never null
   * @param work the state change; runs inside the transaction, at most once per event id
   * @return true if the work ran, false if the event was a duplicate
   * @throws RuntimeException whatever the work throws, after rolling back
   */
  public boolean processOnce(String eventId, Runnable work) {
    return Boolean.TRUE.equals(
        processOnce(
            eventId,
            () -> {
              work.run();
              return Boolean.TRUE;
            },
            Boolean.FALSE));
  }

  /**
   * Like {@link #processOnce(String, Runnable)} with a result.
   *
   * @return the work's result, or {@code duplicateResult} for a duplicate
   */
  public <T> T processOnce(String eventId, Supplier<T> work, T duplicateResult) {
    Objects.requireNonNull(eventId, "eventId");
    boolean[] ran = {false};
    T result =
        transactions.execute(
            status -> {
              if (!markProcessed(eventId)) {
                return duplicateResult;
              }
              ran[0] = true;
              return work.get();
            });
    (ran[0] ? processed : duplicates).increment();
    return result;
  }

  /** Whether an event id was already processed by this consumer. */
  public boolean wasProcessed(String eventId) {
    return jdbc.sql("select count(*) from processed_event where consumer = ? and event_id = ?")
            .params(consumer, eventId)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Forgets ids older than the retention, which must exceed the longest time a duplicate can arrive
   * (Kafka retention, device retransmission window). Deletes in batches of 10,000 so that no
   * statement holds locks for long.
   *
   * @return how many were deleted
   */
  public int purgeOlderThan(Duration retention) {
    java.sql.Timestamp before = java.sql.Timestamp.from(Instant.now().minus(retention));
    int total = 0;
    int deleted;
    do {
      deleted =
          jdbc.sql(
                  "delete from processed_event where ctid in (select ctid from processed_event"
                      + " where consumer = ? and processed_at < ? limit 10000)")
              .params(consumer, before)
              .update();
      total += deleted;
    } while (deleted == 10_000);
    return total;
  }

  private boolean markProcessed(String eventId) {
    return jdbc.sql(
                "insert into processed_event (consumer, event_id) values (?, ?)"
                    + " on conflict do nothing")
            .params(consumer, eventId)
            .update()
        == 1;
  }
}
