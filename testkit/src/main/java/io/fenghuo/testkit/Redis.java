package io.fenghuo.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real Redis server (the 6.2 binary bundled with {@code embedded-redis}) on a random port of
 * {@code 127.0.0.1}, without persistence ({@code save ""}, {@code appendonly no}).
 *
 * <p>Obtain the JVM-wide instance with {@link TestInfrastructure#redis()}. All test classes share
 * its keyspace: prefix your keys, or pick a logical database ({@code SELECT n}) per test class.
 */
public final class Redis implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Redis.class);
  private static final String HOST = "127.0.0.1";
  private static final int START_ATTEMPTS = 3;

  private final RedisServer server;
  private final int port;
  private final boolean shared;
  private boolean closed;

  private Redis(RedisServer server, int port, boolean shared) {
    this.server = server;
    this.port = port;
    this.shared = shared;
  }

  /**
   * Starts a new server; the caller must {@link #close()} it.
   *
   * @throws IllegalStateException if the server does not start
   */
  public static Redis start() {
    return start(false);
  }

  static Redis startShared() {
    return start(true);
  }

  private static Redis start(boolean shared) {
    long started = System.nanoTime();
    IOException last = null;
    // The free port is released before redis-server binds it; retry if someone took it meanwhile.
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = FreePorts.allocate();
      try {
        RedisServer server =
            RedisServer.newRedisServer()
                .bind(HOST)
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                // Nobody reads the pipe otherwise, and redis-server blocks once it is full.
                .soutListener(line -> {})
                .serrListener(line -> {})
                .build();
        server.start();
        log.info(
            "Redis up at {}:{} in {} ms",
            HOST,
            port,
            Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new Redis(server, port, shared);
      } catch (IOException e) {
        last = e;
      }
    }
    throw new IllegalStateException(
        "Redis did not start after " + START_ATTEMPTS + " attempts", last);
  }

  /** The host to connect to: {@code 127.0.0.1}. */
  public String host() {
    return HOST;
  }

  /** The port, chosen at random when the server started. */
  public int port() {
    return port;
  }

  /**
   * A URI for Lettuce, Jedis or {@code spring.data.redis.url}: {@code redis://127.0.0.1:<port>}.
   */
  public String uri() {
    return "redis://" + HOST + ":" + port;
  }

  /**
   * Stops the server.
   *
   * @throws IllegalStateException if this is the JVM-wide instance of {@link
   *     TestInfrastructure#redis()}, which other test classes still use and a shutdown hook stops
   */
  @Override
  public void close() {
    if (shared) {
      throw new IllegalStateException("The shared Redis is stopped at JVM exit; do not close it");
    }
    stop();
  }

  synchronized void stop() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("Redis did not stop cleanly", e);
    }
  }

  @Override
  public String toString() {
    return "Redis[" + uri() + (closed ? ", closed]" : "]");
  }
}
