package io.fenghuo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@RealPostgres
class PostgresIT {

  @Test
  void runsPostgreSql17(PostgresDatabase database) throws SQLException {
    assertThat(queryString(database.dataSource(), "SELECT version()")).startsWith("PostgreSQL 17.");
  }

  @Test
  void roundTripsRowsThroughSql(PostgresDatabase database) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMPORARY TABLE alarm (id bigint PRIMARY KEY, site text NOT NULL)");
      statement.execute("INSERT INTO alarm VALUES (1, '烽火台 A'), (2, 'Depot 7')");
      try (ResultSet rows = statement.executeQuery("SELECT site FROM alarm ORDER BY id")) {
        List<String> sites = new ArrayList<>();
        while (rows.next()) {
          sites.add(rows.getString(1));
        }
        assertThat(sites).containsExactly("烽火台 A", "Depot 7");
      }
    }
  }

  @Test
  void connectsThroughThePlainJdbcUrl(PostgresDatabase database) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_database()")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("postgres_it").isEqualTo(database.name());
    }
  }

  @Test
  void givesEachCallerItsOwnDatabase(Postgres postgres) throws SQLException {
    PostgresDatabase orders = postgres.database("postgres_it_orders");
    PostgresDatabase billing = postgres.database("postgres_it_billing");
    try (Connection connection = orders.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS only_in_orders (id int)");
    }

    assertThat(orders.jdbcUrl()).isNotEqualTo(billing.jdbcUrl());
    assertThat(queryString(orders.dataSource(), "SELECT current_database()"))
        .isEqualTo("postgres_it_orders");
    assertThat(queryString(billing.dataSource(), "SELECT current_database()"))
        .isEqualTo("postgres_it_billing");
    assertThat(queryString(billing.dataSource(), "SELECT to_regclass('only_in_orders')::text"))
        .isNull();
  }

  @Test
  void givesConcurrentCallersOfTheSameNameTheSameDatabase(Postgres postgres) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<PostgresDatabase>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> postgres.database("postgres_it_contended"));
      }
      List<PostgresDatabase> results = new ArrayList<>();
      for (Future<PostgresDatabase> result : pool.invokeAll(calls)) {
        results.add(result.get());
      }
      assertThat(results).allSatisfy(database -> assertThat(database).isSameAs(results.get(0)));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void refusesNamesThatAreNotPlainIdentifiers(Postgres postgres) {
    for (String name :
        List.of("", "Orders", "1st", "a-b", "x; DROP DATABASE postgres", "a".repeat(64))) {
      assertThatThrownBy(() -> postgres.database(name))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static String queryString(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
