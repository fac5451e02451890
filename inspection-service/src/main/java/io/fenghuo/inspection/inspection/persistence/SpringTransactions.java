package io.fenghuo.inspection.inspection.persistence;

import io.fenghuo.inspection.inspection.Transactions;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The desk's transaction boundary on Spring's transaction manager. Joins a surrounding transaction
 * (the idempotent consumer's), so the processed event id, the board and fault change and its outbox
 * records commit together.
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
