package io.fenghuo.inspection.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL the service sends, at the JDBC level: every statement execution (a batch counts
 * once per round trip, with its rows counted apart) and every commit, by statement text. Wraps the
 * application's {@link DataSource}; the tests read and reset the counts around a load to report the
 * statements per signal.
 */
public final class Statements implements BeanPostProcessor {

  private static final Map<String, LongAdder> EXECUTED = new ConcurrentHashMap<>();
  private static final LongAdder TOTAL = new LongAdder();
  private static final LongAdder BATCHED_ROWS = new LongAdder();
  private static final LongAdder COMMITS = new LongAdder();

  /** Forgets the counts so far. */
  public static void reset() {
    EXECUTED.clear();
    TOTAL.reset();
    BATCHED_ROWS.reset();
    COMMITS.reset();
  }

  /** Statement executions (round trips, a batch once) since the last reset. */
  public static long total() {
    return TOTAL.sum();
  }

  /** Commits since the last reset. */
  public static long commits() {
    return COMMITS.sum();
  }

  /** Rows sent in batches since the last reset. */
  public static long batchedRows() {
    return BATCHED_ROWS.sum();
  }

  /** Executions by statement (its first 70 characters), most frequent first. */
  public static Map<String, Long> byStatement() {
    Map<String, Long> out = new LinkedHashMap<>();
    Map<String, Long> merged = new LinkedHashMap<>();
    EXECUTED.forEach(
        (sql, n) -> {
          String key = sql.replaceAll("\\s+", " ").strip();
          merged.merge(key.length() > 70 ? key.substring(0, 70) : key, n.sum(), Long::sum);
        });
    merged.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource ds && !(bean instanceof Counting)) {
      return new Counting(ds);
    }
    return bean;
  }

  private static void executed(String sql) {
    TOTAL.increment();
    // Keyed by the statement text as sent (cheap: no normalisation on the hot path).
    EXECUTED.computeIfAbsent(sql == null ? "?" : sql, k -> new LongAdder()).increment();
  }

  private static final class Counting extends DelegatingDataSource {

    Counting(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws java.sql.SQLException {
      return connection(super.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws java.sql.SQLException {
      return connection(super.getConnection(user, password));
    }

    private static Connection connection(Connection target) {
      return proxy(
          Connection.class,
          target,
          (method, args, result) -> {
            switch (method.getName()) {
              case "commit" -> COMMITS.increment();
              case "prepareStatement", "prepareCall" -> {
                return statement(PreparedStatement.class, (Statement) result, (String) args[0]);
              }
              case "createStatement" -> {
                return statement(Statement.class, (Statement) result, null);
              }
              default -> {}
            }
            return result;
          });
    }

    private static <T extends Statement> T statement(Class<T> type, Statement target, String sql) {
      return proxy(
          type,
          target,
          (method, args, result) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
              BATCHED_ROWS.increment();
            } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
              executed(sql == null ? "batch" : sql);
            } else if (name.startsWith("execute")) {
              executed(args != null && args.length > 0 && args[0] instanceof String s ? s : sql);
            }
            return result;
          });
    }
  }

  @FunctionalInterface
  private interface After {
    Object apply(Method method, Object[] args, Object result) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, After after) {
    InvocationHandler handler =
        (p, method, args) -> {
          if (method.getName().equals("unwrap")
              && args[0] instanceof Class<?> c
              && c.isInstance(target)) {
            return target;
          }
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          return after.apply(method, args, result);
        };
    return (T)
        Proxy.newProxyInstance(Statements.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
