package io.fenghuo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@RealRedis
class RedisIT {

  private static RedisClient client;
  private static StatefulRedisConnection<String, String> connection;

  @BeforeAll
  static void connect(Redis redis) {
    client = RedisClient.create(redis.uri());
    connection = client.connect();
  }

  @AfterAll
  static void disconnect() {
    connection.close();
    client.shutdown();
  }

  @Test
  void storesAndReadsBackAValue() {
    RedisCommands<String, String> redis = connection.sync();

    redis.set("redis-it:site:42", "online");

    assertThat(redis.get("redis-it:site:42")).isEqualTo("online");
  }

  @Test
  void listensOnLoopbackOnlyAndNeverWritesSnapshots() {
    RedisCommands<String, String> redis = connection.sync();

    assertThat(redis.configGet("bind")).containsEntry("bind", "127.0.0.1");
    assertThat(redis.configGet("save")).containsEntry("save", "");
    assertThat(redis.configGet("appendonly")).containsEntry("appendonly", "no");
  }

  @Test
  void exposesMatchingHostPortAndUri(Redis redis) {
    assertThat(redis.uri()).isEqualTo("redis://" + redis.host() + ":" + redis.port());
    assertThat(redis.port()).isPositive();
  }
}
