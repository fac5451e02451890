import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * PostgreSQL 17 for the local run: zonky's patched binaries (they run as root too) on a fixed port
 * with a data directory that survives restarts.
 *
 * <p>Run with the Java source launcher and the {@code deploy} classpath:
 *
 * <pre>
 * java -cp "$CP" deploy/local/LocalPostgres.java PORT DATA_DIR BIN_DIR [DATABASE...]
 * </pre>
 *
 * BIN_DIR is where the binaries are extracted (once). It is private to the local run on purpose:
 * zonky leaves a half-extracted directory behind if it is interrupted, and every later start with
 * the same binaries then fails; in a private directory the launcher can safely remove it.
 *
 * <p>Creates each missing database, prints a line starting with {@code READY}, then blocks. SIGTERM
 * stops the server ({@code pg_ctl stop -m fast}) before the JVM exits. If the server dies on its
 * own, the launcher exits with status 1 so that a dead database never looks alive by PID.
 *
 * <p>The server's own output goes to this process's stdout and stays attached to the log file even
 * if this JVM is killed. Zonky starts PostgreSQL with {@code fsync} off: fine for development, not
 * durable after a machine crash.
 */
public class LocalPostgres {

  private static volatile boolean stopping;

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: LocalPostgres PORT DATA_DIR BIN_DIR [DATABASE...]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path dataDir = Path.of(args[1]).toAbsolutePath();
    Path binDir = Path.of(args[2]).toAbsolutePath();
    List<String> databases = List.of(args).subList(3, args.length);
    Files.createDirectories(dataDir);
    removeUnfinishedExtractions(binDir);

    long started = System.nanoTime();
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dataDir)
            .setOverrideWorkingDirectory(binDir.toFile())
            .setCleanDataDirectory(false)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "200")
            // A cold first start extracts ~120 MB of binaries on a busy 2-core machine.
            .setPGStartupWait(Duration.ofSeconds(90))
            .setOutputRedirector(Redirect.INHERIT)
            .setErrorRedirector(Redirect.INHERIT)
            .setRegisterShutdownHook(false)
            .start();

    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping = true;
                  System.out.println("LocalPostgres: stopping PostgreSQL on port " + port);
                  try {
                    pg.close();
                  } catch (IOException e) {
                    System.err.println("LocalPostgres: stop failed: " + e);
                  }
                },
                "local-postgres-stop"));

    for (String db : databases) {
      createDatabaseIfMissing(pg, db);
    }
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    String db = databases.isEmpty() ? "postgres" : databases.get(0);
    System.out.printf(
        "READY jdbc:postgresql://127.0.0.1:%d/%s user=postgres (%d ms)%n", port, db, millis);
    System.out.flush();

    exitWhenServerDies(dataDir);
    new CountDownLatch(1).await();
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres pg, String name)
      throws SQLException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            c.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = c.createStatement()) {
        create.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
      }
      System.out.println("LocalPostgres: created database " + name);
    }
  }

  /** Zonky marks a finished extraction with {@code .exists}; anything else is a leftover. */
  private static void removeUnfinishedExtractions(Path binDir) throws IOException {
    if (!Files.isDirectory(binDir)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(binDir)) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("PG-")).toList()) {
        if (!Files.exists(dir.resolve(".exists"))) {
          System.out.println("LocalPostgres: removing unfinished extraction " + dir);
          try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(p);
            }
          }
        }
      }
    }
  }

  /** The postmaster is not our child (pg_ctl detaches it), so watch it through its pid file. */
  private static void exitWhenServerDies(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    Optional<ProcessHandle> server = ProcessHandle.of(pid);
    if (server.isEmpty()) {
      throw new IllegalStateException("PostgreSQL (pid " + pid + ") is not running");
    }
    server
        .get()
        .onExit()
        .thenRun(
            () -> {
              if (!stopping) {
                System.err.println("LocalPostgres: PostgreSQL (pid " + pid + ") exited; exiting");
                Runtime.getRuntime().halt(1);
              }
            });
  }
}
