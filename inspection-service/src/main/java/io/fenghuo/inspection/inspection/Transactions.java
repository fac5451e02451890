package io.fenghuo.inspection.inspection;

import java.util.function.Supplier;

/** Runs work in one database transaction (port), joining a surrounding one. */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);
}
