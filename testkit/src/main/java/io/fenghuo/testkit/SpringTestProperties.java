package io.fenghuo.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Registers the Spring Boot connection properties of the shared infrastructure from a
 * {@code @DynamicPropertySource} method:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *   SpringTestProperties.kafka(registry);
 *   SpringTestProperties.postgres(registry, "alarms");
 *   SpringTestProperties.redis(registry);
 * }
 * }</pre>
 *
 * <p>The values are suppliers: a part starts only when Spring first reads one of its properties,
 * while it builds the context. Start-up failures then surface as a failed context load.
 */
public final class SpringTestProperties {

  private SpringTestProperties() {}

  /** Registers {@code spring.kafka.bootstrap-servers} for the shared {@link KafkaBroker}. */
  public static void kafka(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
  }

  /**
   * Registers {@code spring.kafka.bootstrap-servers} for another endpoint, typically a {@link
   * KafkaCluster} the test class starts and closes itself.
   */
  public static void kafka(DynamicPropertyRegistry registry, KafkaEndpoint endpoint) {
    registry.add("spring.kafka.bootstrap-servers", endpoint::bootstrapServers);
  }

  /**
   * Registers {@code spring.datasource.url}, {@code .username} and {@code .password} for a database
   * of the shared {@link Postgres}, creating the database on first read. Flyway and JPA use the
   * same data source unless configured otherwise.
   *
   * @param database see {@link Postgres#database(String)} for the allowed names
   * @throws IllegalArgumentException if {@code database} is not an allowed name (checked now, not
   *     when Spring reads the value)
   */
  public static void postgres(DynamicPropertyRegistry registry, String database) {
    Postgres.requireValidName(database);
    registry.add(
        "spring.datasource.url", () -> TestInfrastructure.postgres().database(database).jdbcUrl());
    registry.add(
        "spring.datasource.username",
        () -> TestInfrastructure.postgres().database(database).username());
    registry.add(
        "spring.datasource.password",
        () -> TestInfrastructure.postgres().database(database).password());
  }

  /** Registers {@code spring.data.redis.host} and {@code .port} for the shared {@link Redis}. */
  public static void redis(DynamicPropertyRegistry registry) {
    registry.add("spring.data.redis.host", () -> TestInfrastructure.redis().host());
    registry.add("spring.data.redis.port", () -> TestInfrastructure.redis().port());
  }
}
