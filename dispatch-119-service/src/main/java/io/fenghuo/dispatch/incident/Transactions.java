package io.fenghuo.dispatch.incident;

import java.util.function.Supplier;

/** Runs work in one database transaction (port): all of it commits or none. */
public interface Transactions {

  /** Runs the work in a transaction, joining one already open; rolls back if it throws. */
  <T> T inTransaction(Supplier<T> work);
}
