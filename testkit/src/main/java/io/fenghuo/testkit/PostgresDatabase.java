package io.fenghuo.testkit;

import javax.sql.DataSource;

/**
 * One database on the test PostgreSQL server, as returned by {@link Postgres#database(String)}.
 *
 * <p>The user is the superuser {@code postgres}; the server trusts loopback connections, so the
 * password is empty and ignored.
 */
public final class PostgresDatabase {

  private final String name;
  private final String jdbcUrl;
  private final String username;
  private final DataSource dataSource;

  PostgresDatabase(String name, String jdbcUrl, String username, DataSource dataSource) {
    this.name = name;
    this.jdbcUrl = jdbcUrl;
    this.username = username;
    this.dataSource = dataSource;
  }

  /** The database name, e.g. {@code orders}. */
  public String name() {
    return name;
  }

  /** A JDBC URL without credentials, e.g. {@code jdbc:postgresql://localhost:40321/orders}. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** The user to connect as ({@code postgres}). */
  public String username() {
    return username;
  }

  /** The password to connect with: empty, since the server trusts loopback connections. */
  public String password() {
    return "";
  }

  /**
   * A non-pooling {@link DataSource} for this database: each {@code getConnection()} opens a new
   * connection, which the caller must close. Fine for test setup and assertions; the application
   * under test brings its own pool.
   */
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public String toString() {
    return "PostgresDatabase[" + jdbcUrl + "]";
  }
}
