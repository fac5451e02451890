package io.fenghuo.inspection.inspection.messaging;

import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the records of one poll in one database transaction: one commit per batch instead of one per
 * signal is what lets the board keep up with a thousand devices. Each record still goes through the
 * idempotent consumer, whose transaction joins this one. If the batch fails, its records run again
 * one transaction each; the first that fails alone is reported to the error handler by its index,
 * so only that record is retried and dead-lettered, and the ones before it are committed.
 */
@Component
class Batches {

  private final TransactionTemplate transactions;

  Batches(PlatformTransactionManager transactionManager) {
    this.transactions = new TransactionTemplate(transactionManager);
  }

  <K, V> void run(List<ConsumerRecord<K, V>> records, Consumer<ConsumerRecord<K, V>> handler) {
    try {
      transactions.executeWithoutResult(status -> records.forEach(handler));
    } catch (RuntimeException batchFailed) {
      for (int i = 0; i < records.size(); i++) {
        ConsumerRecord<K, V> record = records.get(i);
        try {
          transactions.executeWithoutResult(status -> handler.accept(record));
        } catch (RuntimeException failed) {
          throw new BatchListenerFailedException(
              "record " + i + " of the batch failed: " + failed.getMessage(), failed, i);
        }
      }
    }
  }
}
