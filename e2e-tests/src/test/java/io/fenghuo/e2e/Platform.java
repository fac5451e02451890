package io.fenghuo.e2e;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
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
 * The whole platform as separate processes, started with the repository's {@code ./fenghuo} script
 * in its own run directory ({@code target/fenghuo-e2e}) and on its own ports, so that it runs
 * beside a developer's local run and beside the deploy module's smoke test in the same reactor.
 * Wiped and started once per test JVM ({@link PlatformExtension}); stopped with {@code ./fenghuo
 * down} at the end, its logs left in the run directory.
 *
 * <p>No demo fleet: the tests drive their own simulated UITDs. Only op-a's gateway runs. The
 * console and its identity provider start only where the browser tests can use them ({@link
 * #BROWSER_AVAILABLE}).
 */
final class Platform implements AutoCloseable {

  static final int KAFKA = 19292;
  static final int KAFKA_CONTROLLER = 19293;
  static final int POSTGRES = 15632;
  static final int REDIS = 16579;
  static final int UNIT_SERVICE = 18281;
  static final int ALARM_SERVICE = 18283;
  static final int DISPATCH_SERVICE = 18284;
  static final int INSPECTION_SERVICE = 18285;
  static final int IDP = 19200;
  static final int CONSOLE = 18280;
  static final int GATEWAY = 19700;
  static final int GATEWAY_HTTP = 18282;
  static final int GATEWAY_COMMAND = 19201;

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final boolean BROWSER_AVAILABLE = Files.isExecutable(CHROMIUM);

  final Path root;
  final Path home;
  private final Path scriptLog;
  private final String java = ProcessHandle.current().info().command().orElse("java");

  private Platform(Path root, Path home) {
    this.root = root;
    this.home = home;
    this.scriptLog = home.resolveSibling(home.getFileName() + "-script.log");
  }

  /** Wipes the run directory, then {@code ./fenghuo up}; fails with the script's output. */
  static Platform start() throws Exception {
    Path root = Path.of(System.getProperty("fenghuo.root", "..")).toAbsolutePath().normalize();
    if (!Files.isExecutable(root.resolve("fenghuo"))) {
      throw new IllegalStateException("no ./fenghuo in " + root + " (set -Dfenghuo.root)");
    }
    Path home =
        Path.of(System.getProperty("fenghuo.e2e.home", "target/fenghuo-e2e"))
            .toAbsolutePath()
            .normalize();
    Platform platform = new Platform(root, home);
    Files.createDirectories(home.getParent());
    Files.deleteIfExists(platform.scriptLog);
    if (Boolean.getBoolean("fenghuo.e2e.reuse")) {
      // While writing tests: keep a platform left running with -Dfenghuo.e2e.keep (its data too).
      System.out.println("[e2e] -Dfenghuo.e2e.reuse: reusing what runs in " + home);
    } else {
      platform.fenghuo(Duration.ofMinutes(2), "down"); // a run an aborted build left behind
      platform.fenghuo(Duration.ofMinutes(2), "reset");
    }
    long t0 = System.nanoTime();
    platform.fenghuo(Duration.ofMinutes(8), "up");
    System.out.printf(
        "[e2e] platform up in %.1f s (run directory %s)%n", (System.nanoTime() - t0) / 1e9, home);
    return platform;
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
    env.put(
        "FENGHUO_SERVICES",
        "unit-service alarm-service dispatch-119-service inspection-service"
            + (BROWSER_AVAILABLE ? " idp console" : "")
            + " gateway-op-a");
    return env;
  }

  /** Runs {@code ./fenghuo ARGS} with this platform's environment; its output goes to a log. */
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
    String output = new String(Files.readAllBytes(scriptLog), StandardCharsets.UTF_8);
    output = output.substring((int) Math.min(offset, output.length()));
    if (!exited) {
      process.destroy();
      throw new IllegalStateException(
          "./fenghuo " + String.join(" ", args) + " took longer than " + timeout + ":\n" + output);
    }
    if (process.exitValue() != 0 && !args[0].equals("down")) {
      throw new IllegalStateException(
          "./fenghuo "
              + String.join(" ", args)
              + " failed (exit "
              + process.exitValue()
              + "):\n"
              + output);
    }
    if (args[0].equals("up")) {
      System.out.print(output);
    }
  }

  /** The PID of a running component, from the run directory's pid file. */
  long pid(String component) throws IOException {
    return Long.parseLong(Files.readString(home.resolve("pids/" + component + ".pid")).strip());
  }

  /** SIGKILL, as {@code kill -9}: no shutdown hook, no graceful stop. Waits until it is gone. */
  void kill9(String component) throws Exception {
    ProcessHandle process =
        ProcessHandle.of(pid(component))
            .orElseThrow(() -> new IllegalStateException(component + " is not running"));
    process.destroyForcibly();
    process.onExit().get(30, TimeUnit.SECONDS);
  }

  /** Starts again what is not running ({@code ./fenghuo up} is idempotent) and waits for it. */
  void restart() throws Exception {
    fenghuo(Duration.ofMinutes(5), "up");
  }

  /**
   * A development token minted by {@code java deploy/local/seed/Seed.java token ROLE [OPERATOR]}.
   */
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

  String kafkaBootstrap() {
    return "127.0.0.1:" + KAFKA;
  }

  String consoleUrl() {
    return "http://127.0.0.1:" + CONSOLE;
  }

  @Override
  public void close() throws Exception {
    if (Boolean.getBoolean("fenghuo.e2e.keep")) {
      System.out.println("[e2e] -Dfenghuo.e2e.keep: the platform keeps running in " + home);
      return;
    }
    fenghuo(Duration.ofMinutes(3), "down");
  }
}
