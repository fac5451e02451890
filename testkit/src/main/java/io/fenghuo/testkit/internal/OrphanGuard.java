package io.fenghuo.testkit.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Runs another main class in a child JVM and halts that JVM as soon as its parent is gone. Not API:
 * {@link io.fenghuo.testkit.KafkaCluster} launches brokers through it.
 *
 * <p>Why: a test JVM killed with SIGKILL (a Surefire fork timeout, an IDE stop button) runs no
 * shutdown hook, and a broker outliving it keeps 400 MB and its ports. The parent holds the write
 * end of this process's stdin; the kernel closes it whenever the parent dies, however it dies, and
 * the read below then returns end-of-file.
 *
 * <p>Usage: {@code java -cp <classpath> io.fenghuo.testkit.internal.OrphanGuard <main-class>
 * [args...]}.
 */
public final class OrphanGuard {

  private OrphanGuard() {}

  /**
   * Starts the watcher, then runs {@code args[0]}'s {@code main} with the remaining arguments.
   *
   * @throws IllegalArgumentException if no main class is given
   * @throws Throwable whatever the delegated {@code main} throws
   */
  public static void main(String[] args) throws Throwable {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: OrphanGuard <main-class> [args...]");
    }
    Thread watcher = new Thread(OrphanGuard::haltWhenParentIsGone, "orphan-guard");
    watcher.setDaemon(true);
    watcher.start();
    try {
      Class.forName(args[0])
          .getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void haltWhenParentIsGone() {
    try {
      while (System.in.read() != -1) {
        // The parent never writes; anything read is ignored.
      }
    } catch (IOException e) {
      // A broken stdin means the same thing as end-of-file.
    }
    // halt, not exit: a broker that lost its quorum never finishes a graceful shutdown.
    Runtime.getRuntime().halt(143);
  }
}
