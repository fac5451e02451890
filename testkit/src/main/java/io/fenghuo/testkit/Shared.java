package io.fenghuo.testkit;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A resource started on first use and stopped at JVM exit.
 *
 * <p>A failed start is remembered: every later test class then fails at once with the original
 * cause instead of paying the start-up timeout again.
 */
final class Shared<T> {

  private final String name;
  private final Supplier<T> starter;
  private final Consumer<T> stopper;
  private @Nullable T value;
  private @Nullable RuntimeException failure;

  Shared(String name, Supplier<T> starter, Consumer<T> stopper) {
    this.name = name;
    this.starter = starter;
    this.stopper = stopper;
  }

  synchronized T get() {
    if (value != null) {
      return value;
    }
    if (failure != null) {
      throw new IllegalStateException(
          name + " failed to start earlier in this JVM; not retrying", failure);
    }
    try {
      T started = starter.get();
      JvmShutdown.register(name, () -> stopper.accept(started));
      value = started;
      return started;
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
  }
}
