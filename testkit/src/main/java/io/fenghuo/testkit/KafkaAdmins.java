package io.fenghuo.testkit;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Admin-client plumbing shared by the single broker and the cluster. */
final class KafkaAdmins {

  private KafkaAdmins() {}

  static Admin create(String bootstrapServers) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.CLIENT_ID_CONFIG,
            "fenghuo-testkit-admin",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            10_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            30_000));
  }

  static void createTopics(String bootstrapServers, Collection<NewTopic> topics, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = create(bootstrapServers)) {
      Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
      for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
        try {
          await(result.getValue(), deadline);
        } catch (ExecutionException e) {
          // Shared brokers outlive test classes; re-creating a topic must not fail the second one.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw unwrap("Creating topic " + result.getKey() + " failed", e);
          }
        }
      }
      awaitLeaders(admin, results.keySet(), deadline);
    }
  }

  /**
   * Waits until every partition has a leader, because a topic the controller has accepted is not
   * yet writable: producers racing it get retriable errors that show up as slow, flaky tests.
   */
  private static void awaitLeaders(Admin admin, Collection<String> names, long deadline) {
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        Map<String, TopicDescription> descriptions =
            await(admin.describeTopics(names).allTopicNames(), deadline);
        boolean allLed =
            descriptions.values().stream()
                .flatMap(d -> d.partitions().stream())
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        if (allLed) {
          return;
        }
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw unwrap("Describing topics " + names + " failed", e);
        }
        last = (RuntimeException) e.getCause();
      }
      sleep(100);
    }
    throw new IllegalStateException("Topics " + names + " have no leader yet", last);
  }

  static <T> T await(KafkaFuture<T> future, long deadlineNanos) throws ExecutionException {
    try {
      return future.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka admin call timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka", e);
    }
  }

  static RuntimeException unwrap(String message, ExecutionException e) {
    return e.getCause() instanceof RuntimeException cause
        ? cause
        : new IllegalStateException(message, e.getCause());
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
