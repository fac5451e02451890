package io.fenghuo.gateway.liveness;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DeviceDirectory} in Redis, one key per fact, all under {@code fenghuo:gw:<operator>:}:
 *
 * <ul>
 *   <li>{@code last-seen:<device>} → epoch milliseconds of the last frame (kept 7 days)
 *   <li>{@code route:<device>} → instance id, with the route lifespan, refreshed on traffic
 *   <li>{@code instance:<id>} → the instance's command endpoint URL, with a lifespan
 * </ul>
 *
 * Writes of one flush are pipelined.
 */
public final class RedisDeviceDirectory implements DeviceDirectory {

  private static final Logger log = LoggerFactory.getLogger(RedisDeviceDirectory.class);

  private static final Duration LAST_SEEN_RETENTION = Duration.ofDays(7);

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final String prefix;

  public RedisDeviceDirectory(String redisUri, OperatorId operator) {
    this.client = RedisClient.create(redisUri);
    this.connection = client.connect();
    this.prefix = "fenghuo:gw:" + operator.value() + ":";
  }

  @Override
  public void touch(Map<DeviceAddress, Instant> lastSeen, String instanceId, Duration ttl) {
    if (lastSeen.isEmpty()) {
      return;
    }
    RedisAsyncCommands<String, String> redis = connection.async();
    List<RedisFuture<?>> pending = new ArrayList<>(lastSeen.size() * 2);
    SetArgs seenArgs = SetArgs.Builder.px(LAST_SEEN_RETENTION.toMillis());
    SetArgs routeArgs = SetArgs.Builder.px(ttl.toMillis());
    for (Map.Entry<DeviceAddress, Instant> e : lastSeen.entrySet()) {
      pending.add(
          redis.set(
              prefix + "last-seen:" + e.getKey(),
              Long.toString(e.getValue().toEpochMilli()),
              seenArgs));
      pending.add(redis.set(prefix + "route:" + e.getKey(), instanceId, routeArgs));
    }
    try {
      for (RedisFuture<?> f : pending) {
        f.await(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Optional<Instant> lastSeen(DeviceAddress device) {
    String v = connection.sync().get(prefix + "last-seen:" + device);
    return v == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(v)));
  }

  @Override
  public Optional<String> instanceOf(DeviceAddress device) {
    return Optional.ofNullable(connection.sync().get(prefix + "route:" + device));
  }

  @Override
  public void release(DeviceAddress device, String instanceId) {
    String key = prefix + "route:" + device;
    // Compare-and-delete, so a newer mapping of another instance survives. Asynchronous: this runs
    // on the connection's event loop (channelInactive), and a synchronous round trip would hold
    // every device of that loop, up to the command timeout while Redis is slow or away. Commands
    // of this connection keep their order, so a later route write still comes after the delete.
    connection
        .async()
        .<Long>eval(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end"
                + " return 0",
            io.lettuce.core.ScriptOutputType.INTEGER,
            new String[] {key},
            instanceId)
        .whenComplete(
            (deleted, error) -> {
              if (error != null) {
                log.warn("could not release the route of {}: {}", device, error.toString());
              }
            });
  }

  @Override
  public void announce(String instanceId, String commandEndpoint, Duration ttl) {
    connection
        .sync()
        .set(
            prefix + "instance:" + instanceId, commandEndpoint, SetArgs.Builder.px(ttl.toMillis()));
  }

  @Override
  public Optional<String> endpointOf(String instanceId) {
    return Optional.ofNullable(connection.sync().get(prefix + "instance:" + instanceId));
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
