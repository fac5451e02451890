package io.fenghuo.bench.platform;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform under measurement: the repository's {@code ./fenghuo} script with a run directory
 * and ports of the bench's own ({@code .run/bench-platform}, ports 2xxxx), so it runs beside a
 * developer's local run, the smoke test and the e2e tests. No demo fleet: the scenarios drive their
 * own devices. {@code ./fenghuo down} at the end, also when the harness is interrupted (shutdown
 * hook); {@code --keep} leaves it running, {@code --reuse} takes a running one.
 */
final class LocalPlatform implements AutoCloseable {

  static final int KAFKA = 29092;
  static final int KAFKA_CONTROLLER = 29093;
  static final int POSTGRES = 25432;
  static final int REDIS = 26379;
  static final int UNIT_SERVICE = 28081;
  static final int ALARM_SERVICE = 28083;
  static final int DISPATCH_SERVICE = 28084;
  static final int INSPECTION_SERVICE = 28085;
  static final int IDP = 29000;
  static final int CONSOLE = 28080;
  static final int GATEWAY = 29500;
  static final int GATEWAY_HTTP = 28082;
  static final int GATEWAY_COMMAND = 29001;

  /**
   * The gateway's per-source-address connection limit (default 200) is raised for the bench: every
   * simulated device connects from 127.0.0.1 (Linux picks that source address for any 127.0.0.x
   * destination). Recorded with every result.
   */
  static final String SERVICE_JAVA_OPTS =
      "-Dfenghuo.gateway.max-connections-per-source-address=20000";

  static {
    // The Kafka clients of the harness log their whole configuration at INFO.
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
    System.setProperty(
        "org.slf4j.simpleLogger.log.org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils",
        "error");
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  final Path root;
  final Path home;
  final String services;
  private final PlatformOptions options;
  private final Path scriptLog;
  private final String java = ProcessHandle.current().info().command().orElse("java");
  private final Thread hook = new Thread(this::downQuietly, "bench-platform-down");
  private boolean closed;

  private LocalPlatform(Path root, PlatformOptions options, String services) {
    this.root = root;
    this.options = options;
    this.home = root.resolve(options.home).toAbsolutePath().normalize();
    this.services = services;
    this.scriptLog = home.resolveSibling(home.getFileName() + "-script.log");
  }

  /** Starts what is not running ({@code down} and {@code reset} first unless told otherwise). */
  static LocalPlatform start(PlatformOptions options, String services) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    if (!Files.isExecutable(root.resolve("fenghuo"))) {
      throw new IllegalStateException(
          "run from the repository root (no ./fenghuo in " + root + ")");
    }
    LocalPlatform platform = new LocalPlatform(root, options, services);
    Files.createDirectories(platform.home.getParent());
    Runtime.getRuntime().addShutdownHook(platform.hook);
    if (!options.reuse) {
      platform.fenghuo(Duration.ofMinutes(3), "down");
      if (options.fresh) {
        platform.fenghuo(Duration.ofMinutes(3), "reset");
      }
    }
    long t0 = System.nanoTime();
    log(
        "./fenghuo up ("
            + services
            + ") in "
            + platform.home
            + "; script log "
            + platform.scriptLog);
    platform.fenghuo(Duration.ofMinutes(12), "up");
    log(String.format("platform up in %.1f s", (System.nanoTime() - t0) / 1e9));
    return platform;
  }

  static void log(String line) {
    System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), line);
  }

  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FENGHUO_HOME", home.toString());
    env.put("FENGHUO_KAFKA_PORT", String.valueOf(KAFKA));
    env.put("FENGHUO_KAFKA_CONTROLLER_PORT", String.valueOf(KAFKA_CONTROLLER));
    env.put("FENGHUO_PG_PORT", String.valueOf(POSTGRES));
    env.put("FENGHUO_REDIS_PORT", String.valueOf(REDIS));
    env.put("FENGHUO_UNIT_SERVICE_PORT", String.valueOf(UNIT_SERVICE));
    env.put("FENGHUO_ALARM_SERVICE_PORT", String.valueOf(ALARM_SERVICE));
    env.put("FENGHUO_DISPATCH_SERVICE_PORT", String.valueOf(DISPATCH_SERVICE));
    env.put("FENGHUO_INSPECTION_SERVICE_PORT", String.valueOf(INSPECTION_SERVICE));
    env.put("FENGHUO_IDP_PORT", String.valueOf(IDP));
    env.put("FENGHUO_CONSOLE_PORT", String.valueOf(CONSOLE));
    env.put("FENGHUO_GATEWAY_OP_A_PORT", String.valueOf(GATEWAY));
    env.put("FENGHUO_GATEWAY_OP_A_HTTP_PORT", String.valueOf(GATEWAY_HTTP));
    env.put("FENGHUO_GATEWAY_OP_A_COMMAND_PORT", String.valueOf(GATEWAY_COMMAND));
    env.put("FENGHUO_DEMO_FLEET", "off");
    env.put("FENGHUO_SERVICES", services);
    env.put("FENGHUO_SERVICE_JAVA_OPTS", SERVICE_JAVA_OPTS);
    return env;
  }

  /** Runs {@code ./fenghuo ARGS} with this platform's environment; output to the script log. */
  void fenghuo(Duration timeout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("fenghuo").toString());
    command.addAll(List.of(args));
    long offset = Files.exists(scriptLog) ? Files.size(scriptLog) : 0;
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(scriptLog.toFile()));
    builder.environment().putAll(environment());
    builder.environment().put("JAVA_HOME", Path.of(java).getParent().getParent().toString());
    Process process = builder.start();
    boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      process.destroy();
      throw new IllegalStateException(
          "./fenghuo " + String.join(" ", args) + " took longer than " + timeout + tail(offset));
    }
    if (process.exitValue() != 0 && !args[0].equals("down")) {
      throw new IllegalStateException(
          "./fenghuo "
              + String.join(" ", args)
              + " failed (exit "
              + process.exitValue()
              + ")"
              + tail(offset));
    }
  }

  private String tail(long offset) throws IOException {
    String out = new String(Files.readAllBytes(scriptLog), StandardCharsets.UTF_8);
    return ":\n" + out.substring((int) Math.min(offset, out.length()));
  }

  /** The PID of a running component, from the run directory's pid file. */
  long pid(String component) throws IOException {
    return Long.parseLong(Files.readString(home.resolve("pids/" + component + ".pid")).strip());
  }

  /** SIGKILL, as {@code kill -9}; waits until the process is gone. */
  void kill9(String component) throws Exception {
    ProcessHandle process =
        ProcessHandle.of(pid(component))
            .orElseThrow(() -> new IllegalStateException(component + " is not running"));
    process.destroyForcibly();
    process.onExit().get(30, TimeUnit.SECONDS);
  }

  /** A development token from {@code java deploy/local/seed/Seed.java token ROLE [OPERATOR]}. */
  String token(String role, String operator) throws Exception {
    List<String> command = new ArrayList<>(List.of(java, "-Dseed.dir=" + seedDir()));
    command.add(seedDir().resolve("Seed.java").toString());
    command.addAll(List.of("token", role));
    if (operator != null) {
      command.add(operator);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (process.waitFor() != 0 || out.chars().filter(c -> c == '.').count() != 2) {
      throw new IllegalStateException("Seed.java token " + role + " failed: " + out);
    }
    return out;
  }

  Path seedDir() {
    return root.resolve("deploy/local/seed");
  }

  Path simulatorJar() {
    return root.resolve("device-simulator/target/device-simulator.jar");
  }

  String kafkaBootstrap() {
    return "127.0.0.1:" + KAFKA;
  }

  /** The gateway's metrics now, or null while its HTTP port does not answer. */
  Prometheus gatewayMetrics() {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + GATEWAY_HTTP + "/actuator/prometheus"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Prometheus.parse(r.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** What every result records about the platform. */
  void describe(io.fenghuo.bench.report.BenchResult result) {
    result
        .parameter("platform", "./fenghuo up, run directory " + root.relativize(home))
        .parameter("services", services)
        .parameter("service JVM options (added)", SERVICE_JAVA_OPTS)
        .parameter("load average when measuring began", loadAverage());
  }

  /** The 1-, 5- and 15-minute load averages (Linux), or "unknown". */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " / " + f[1] + " / " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private void downQuietly() {
    if (closed || options.keep) {
      return;
    }
    try {
      log("./fenghuo down");
      fenghuo(Duration.ofMinutes(3), "down");
    } catch (Exception e) {
      System.err.println("./fenghuo down failed: " + e);
    }
  }

  @Override
  public void close() {
    if (options.keep) {
      log("--keep: the platform keeps running in " + home);
    }
    downQuietly();
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs or ran already
    }
  }
}
