package io.fenghuo.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JVM shutdown hook for everything the testkit started.
 *
 * <p>A single hook (rather than one per resource) lets the stops run in parallel under one
 * deadline: Surefire/Failsafe kill a forked JVM that takes too long to exit, and a slow Kafka stop
 * must not keep PostgreSQL from being stopped.
 */
final class JvmShutdown {

  private static final Logger log = LoggerFactory.getLogger(JvmShutdown.class);
  private static final Duration DEADLINE = Duration.ofSeconds(25);
  private static final Set<Task> tasks = new LinkedHashSet<>();
  private static boolean hookInstalled;

  private JvmShutdown() {}

  /** Something to run at JVM exit; {@link #cancel()} once the resource was closed normally. */
  static final class Task {
    private final String name;
    private final Runnable action;

    private Task(String name, Runnable action) {
      this.name = name;
      this.action = action;
    }

    void cancel() {
      synchronized (JvmShutdown.class) {
        tasks.remove(this);
      }
    }
  }

  static synchronized Task register(String name, Runnable action) {
    if (!hookInstalled) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(JvmShutdown::runAll, "fenghuo-testkit-shutdown"));
      hookInstalled = true;
    }
    Task task = new Task(name, action);
    tasks.add(task);
    return task;
  }

  private static void runAll() {
    List<Task> pending;
    synchronized (JvmShutdown.class) {
      pending = new ArrayList<>(tasks);
      tasks.clear();
    }
    List<Thread> threads = new ArrayList<>();
    for (Task task : pending) {
      Thread thread = new Thread(() -> runQuietly(task), "fenghuo-testkit-stop-" + task.name);
      thread.start();
      threads.add(thread);
    }
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    for (Thread thread : threads) {
      try {
        thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (thread.isAlive()) {
        log.warn("{} did not stop within {}", thread.getName(), DEADLINE);
      }
    }
  }

  private static void runQuietly(Task task) {
    try {
      task.action.run();
    } catch (RuntimeException e) {
      // The JVM is exiting anyway; reporting beats masking the other stops.
      log.warn("Stopping {} at JVM exit failed", task.name, e);
    }
  }
}
