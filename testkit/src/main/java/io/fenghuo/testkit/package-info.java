/**
 * Real infrastructure for tests, started once per test JVM: an in-JVM KRaft Kafka broker ({@link
 * io.fenghuo.testkit.KafkaBroker}), PostgreSQL 17 ({@link io.fenghuo.testkit.Postgres}), Redis
 * ({@link io.fenghuo.testkit.Redis}), and a three-broker Kafka cluster of child processes for
 * failure tests ({@link io.fenghuo.testkit.KafkaCluster}).
 *
 * <p>Entry points: the static accessors of {@link io.fenghuo.testkit.TestInfrastructure}, the
 * {@link io.fenghuo.testkit.RealKafka}/{@link io.fenghuo.testkit.RealPostgres}/{@link
 * io.fenghuo.testkit.RealRedis} annotations, and {@link io.fenghuo.testkit.SpringTestProperties}
 * for {@code @DynamicPropertySource}.
 *
 * <p>Null contract: no parameter accepts {@code null} and no method returns {@code null}; a {@code
 * null} argument fails with {@link NullPointerException}.
 */
@NullMarked
package io.fenghuo.testkit;

import org.jspecify.annotations.NullMarked;
