package io.fenghuo.unit.archive;

import java.util.function.Supplier;

/** Runs work in one database transaction (port): all of it commits or none. */
public interface Transactions {

  /** Runs the work in a transaction, rolling back if it throws. */
  <T> T inTransaction(Supplier<T> work);
}
