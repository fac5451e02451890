package io.fenghuo.dispatch.incident.persistence;

import io.fenghuo.dispatch.incident.Transactions;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction boundary on Spring's transaction manager. Joins a surrounding transaction (the
 * idempotent consumer's), so that the processed event id, the incident and its outbox records
 * commit together.
 */
@Component
class SpringTransactions implements Transactions {

  private final TransactionTemplate template;

  SpringTransactions(PlatformTransactionManager transactionManager) {
    this.template = new TransactionTemplate(transactionManager);
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return template.execute(status -> work.get());
  }
}
