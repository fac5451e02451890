package io.fenghuo.testkit;

/**
 * The JVM-wide test infrastructure: each part starts on first use, is shared by every test class in
 * the JVM, and is stopped by a JVM shutdown hook.
 *
 * <p>Thread-safe. A part that failed to start fails fast on every later call, with the original
 * failure as the cause, instead of being retried by each test class.
 *
 * <pre>{@code
 * String bootstrap = TestInfrastructure.kafka().bootstrapServers();
 * DataSource orders = TestInfrastructure.postgres().database("orders").dataSource();
 * String redisUri = TestInfrastructure.redis().uri();
 * }</pre>
 *
 * <p>Do not close the returned objects; their {@code close()} throws {@link IllegalStateException}.
 */
public final class TestInfrastructure {

  private static final Shared<KafkaBroker> KAFKA =
      new Shared<>("kafka", KafkaBroker::startShared, KafkaBroker::stop);
  private static final Shared<Postgres> POSTGRES =
      new Shared<>("postgres", Postgres::startShared, Postgres::stop);
  private static final Shared<Redis> REDIS = new Shared<>("redis", Redis::startShared, Redis::stop);

  private TestInfrastructure() {}

  /**
   * The shared in-JVM Kafka broker (about 3–5 s to start the first time).
   *
   * @throws IllegalStateException if the broker failed to start, now or earlier in this JVM
   */
  public static KafkaBroker kafka() {
    return KAFKA.get();
  }

  /**
   * The shared PostgreSQL 17 server (about 2–7 s to start the first time). Call {@link
   * Postgres#database(String)} with a name of your own.
   *
   * @throws IllegalStateException if the server failed to start, now or earlier in this JVM
   */
  public static Postgres postgres() {
    return POSTGRES.get();
  }

  /**
   * The shared Redis server (well under a second to start).
   *
   * @throws IllegalStateException if the server failed to start, now or earlier in this JVM
   */
  public static Redis redis() {
    return REDIS.get();
  }
}
