package io.fenghuo.bench.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform as the local run starts it ({@code ./fenghuo up}), in a run directory of the bench
 * ({@code .run/bench} by default) and on ports of its own, so it never meets a developer's local
 * run. Kafka, PostgreSQL and Redis come up first (no services), then the gateway of operator {@code
 * op-a} only, without the demo fleet. {@link #down()} runs {@code ./fenghuo down} once; a shutdown
 * hook makes sure it runs on Ctrl-C or failure too.
 */
final class LocalPlatform implements AutoCloseable {

  static final String OPERATOR = "op-a";

  private final Path root;
  private final Path home;
  private final Ports ports;
  private final String gatewayJavaOpts;
  private final Path log;
  private final Thread hook = new Thread(this::down, "bench-platform-down");
  private boolean down;

  /**
   * Ports of the gateway benches; apart from the local run (19092, 9500, 8082…) and the platform
   * benches (29xxx).
   */
  record Ports(
      int kafka, int kafkaController, int postgres, int redis, int uitd, int http, int cmd) {
    static Ports defaults() {
      // below the ephemeral range (32768–60999), where a client socket may hold any port
      return new Ports(31092, 31093, 31432, 31379, 31500, 31082, 31001);
    }
  }

  LocalPlatform(Path root, Path home, Ports ports, String gatewayJavaOpts) {
    this.root = root;
    this.home = home.toAbsolutePath();
    this.ports = ports;
    this.gatewayJavaOpts = gatewayJavaOpts;
    this.log = this.home.resolve("logs/bench-fenghuo.log");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The repository root: the directory holding {@code fenghuo} (bench/run starts there). */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isExecutable(p.resolve("fenghuo")) && Files.isDirectory(p.resolve("bench"))) {
        return p;
      }
    }
    throw new IllegalStateException("run from the repository (no ./fenghuo above " + dir + ")");
  }

  Ports ports() {
    return ports;
  }

  Path home() {
    return home;
  }

  String bootstrap() {
    return "127.0.0.1:" + ports.kafka();
  }

  String gatewayJavaOpts() {
    return gatewayJavaOpts;
  }

  /** Kafka, PostgreSQL and Redis (the local run's infrastructure wave), no services. */
  void upInfrastructure() throws IOException, InterruptedException {
    fenghuo("", "up");
  }

  /** The gateway of {@link #OPERATOR} on {@link Ports#uitd()}, after the infrastructure. */
  void upGateway() throws IOException, InterruptedException {
    fenghuo("gateway-" + OPERATOR, "up");
  }

  /** The gateway's PID (from the run directory's pid file). */
  long gatewayPid() throws IOException {
    return Long.parseLong(
        Files.readString(home.resolve("pids/gateway-" + OPERATOR + ".pid")).strip());
  }

  Path gatewayLog() {
    return home.resolve("logs/gateway-" + OPERATOR + ".log");
  }

  /** {@code ./fenghuo down} once (later calls do nothing); never throws. */
  synchronized void down() {
    if (down) {
      return;
    }
    down = true;
    try {
      System.err.println("[bench] ./fenghuo down (" + home + ")");
      // down stops the components FENGHUO_SERVICES names: the gateway must be among them
      fenghuo("gateway-" + OPERATOR, "down");
    } catch (IOException | RuntimeException e) {
      System.err.println("[bench] ./fenghuo down failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    down();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs (and finds nothing left to do)
    }
  }

  /** The environment {@code ./fenghuo} gets: bench run directory, bench ports, no demo fleet. */
  Map<String, String> environment(String services) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FENGHUO_HOME", home.toString());
    env.put("FENGHUO_SERVICES", services);
    env.put("FENGHUO_DEMO_FLEET", "off");
    env.put("FENGHUO_KAFKA_PORT", String.valueOf(ports.kafka()));
    env.put("FENGHUO_KAFKA_CONTROLLER_PORT", String.valueOf(ports.kafkaController()));
    env.put("FENGHUO_PG_PORT", String.valueOf(ports.postgres()));
    env.put("FENGHUO_REDIS_PORT", String.valueOf(ports.redis()));
    env.put("FENGHUO_GATEWAY_OP_A_PORT", String.valueOf(ports.uitd()));
    env.put("FENGHUO_GATEWAY_OP_A_HTTP_PORT", String.valueOf(ports.http()));
    env.put("FENGHUO_GATEWAY_OP_A_COMMAND_PORT", String.valueOf(ports.cmd()));
    env.put("FENGHUO_SERVICE_JAVA_OPTS", gatewayJavaOpts);
    env.put("FENGHUO_START_TIMEOUT", "300");
    return env;
  }

  private void fenghuo(String services, String command) throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    List<String> cmd = new ArrayList<>(List.of(root.resolve("fenghuo").toString(), command));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
    pb.environment().putAll(environment(services));
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    long t0 = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("./fenghuo " + command + " did not finish in 10 min; see " + log);
    }
    System.err.printf(
        "[bench] ./fenghuo %s (services '%s'): exit %d in %.1f s%n",
        command,
        services,
        p.exitValue(),
        Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1e3);
    if (p.exitValue() != 0) {
      throw new IOException(
          "./fenghuo " + command + " failed (exit " + p.exitValue() + "); see " + log);
    }
  }
}
