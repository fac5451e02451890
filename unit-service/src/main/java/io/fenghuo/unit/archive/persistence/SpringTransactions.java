package io.fenghuo.unit.archive.persistence;

import io.fenghuo.unit.archive.Transactions;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive's transaction boundary on Spring's transaction manager. Joins a surrounding
 * transaction, so that the event publication registry records the unit stream change in the same
 * transaction as the change.
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
