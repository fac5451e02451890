package io.fenghuo.bench.local;

import io.fenghuo.bench.metrics.Prometheus;
import io.fenghuo.bench.report.BenchResult;
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
 * The platform under measurement, as the local run starts it: the repository's {@code ./fenghuo}
 * script with a run directory ({@code FENGHUO_HOME}) and ports of the bench's own, so it runs
 * beside a developer's local run, the smoke test and the e2e tests; no demo fleet (the scenarios
 * drive their own devices). {@code ./fenghuo down} runs once at the end, also on failure or Ctrl-C
 * (shutdown hook), unless {@link Settings#keep()}. Output of the script: {@code <home>-script.log}
 * beside the run directory.
 */
public final class LocalPlatform implements AutoCloseable {

  /** The operator whose gateway the bench starts. */
  public static final String OPERATOR = "op-a";

  /** The component name of {@link #OPERATOR}'s gateway in {@code ./fenghuo}. */
  public static final String GATEWAY = "gateway-" + OPERATOR;

  static {
    // The Kafka clients of the harness log their whole configuration at INFO.
    quietKafkaClients();
  }

  /**
   * The bench's ports. All of them lie below the ephemeral range (32768–60999), where a client
   * socket of the many simulated devices could hold any port, and apart from the local run's
   * (19092, 8081…, 9500).
   */
  public record Ports(
      int kafka,
      int kafkaController,
      int postgres,
      int redis,
      int unitService,
      int alarmService,
      int dispatchService,
      int inspectionService,
      int idp,
      int console,
      int gateway,
      int gatewayHttp,
      int gatewayCommand) {

    /** The platform scenarios (fire-latency, confirm-119, reconnect): 2xxxx. */
    public static final Ports PLATFORM =
        new Ports(
            29092, 29093, 25432, 26379, 28081, 28083, 28084, 28085, 29000, 28080, 29500, 28082,
            29001);

    /** The gateway scenarios (ingest, connections): 31xxx. */
    public static final Ports GATEWAY_ONLY =
        new Ports(
            31092, 31093, 31432, 31379, 31081, 31083, 31084, 31085, 31000, 31080, 31500, 31082,
            31001);
  }

  /**
   * How the platform is run.
   *
   * @param home the run directory (relative to the repository root unless absolute)
   * @param serviceJavaOpts {@code FENGHUO_SERVICE_JAVA_OPTS}: appended to the local run's service
   *     JVM flags
   * @param reuse take the platform already running in {@code home} (no {@code down} first)
   * @param keep leave it running at the end
   * @param fresh {@code ./fenghuo reset} first (a first start, slower)
   */
  public record Settings(
      Path home, Ports ports, String serviceJavaOpts, boolean reuse, boolean keep, boolean fresh) {}

  private final Path root;
  private final Path home;
  private final Settings settings;
  private final Path scriptLog;
  private final String java = Child.javaCommand();
  private final Thread hook = new Thread(this::downQuietly, "bench-platform-down");
  private String services = "";
  private boolean down;

  private LocalPlatform(Path root, Settings settings) throws IOException {
    this.root = root;
    this.settings = settings;
    this.home = root.resolve(settings.home()).toAbsolutePath().normalize();
    this.scriptLog = home.resolveSibling(home.getFileName() + "-script.log");
    Files.createDirectories(home.getParent());
  }

  /**
   * A platform with nothing started yet: {@code ./fenghuo down} (and {@code reset} if {@link
   * Settings#fresh()}) unless {@link Settings#reuse()}; from here on {@code down} runs at the end.
   */
  public static LocalPlatform prepare(Settings settings) throws IOException, InterruptedException {
    LocalPlatform platform = new LocalPlatform(repositoryRoot(), settings);
    Runtime.getRuntime().addShutdownHook(platform.hook);
    if (!settings.reuse()) {
      platform.fenghuo(Duration.ofMinutes(3), "down");
      if (settings.fresh()) {
        platform.fenghuo(Duration.ofMinutes(3), "reset");
      }
    }
    return platform;
  }

  /** {@link #prepare} and {@link #up} {@code services} (components, space-separated). */
  public static LocalPlatform start(Settings settings, String services)
      throws IOException, InterruptedException {
    LocalPlatform platform = prepare(settings);
    try {
      platform.up(services);
    } catch (IOException | InterruptedException | RuntimeException e) {
      platform.close();
      throw e;
    }
    return platform;
  }

  /**
   * {@code ./fenghuo up} with {@code FENGHUO_SERVICES=services} (empty: the infrastructure only,
   * Kafka, PostgreSQL and Redis). The infrastructure is always started first; what is running
   * already stays.
   */
  public void up(String services) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    log(
        "./fenghuo up ("
            + (services.isEmpty() ? "infrastructure" : services)
            + ") in "
            + home
            + "; script log "
            + scriptLog);
    if (!services.isEmpty()) {
      this.services = this.services.isEmpty() ? services : this.services + " " + services;
    }
    fenghuo(Duration.ofMinutes(12), environment(services), "up");
    log(String.format("platform up in %.1f s", (System.nanoTime() - t0) / 1e9));
  }

  /** The repository root: the directory holding {@code fenghuo} (bench/run starts there). */
  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isExecutable(p.resolve("fenghuo")) && Files.isDirectory(p.resolve("bench"))) {
        return p;
      }
    }
    throw new IllegalStateException("run from the repository (no ./fenghuo above " + dir + ")");
  }

  /** One line on stderr with the time of day. */
  public static void log(String line) {
    System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), line);
  }

  /** The harness's Kafka clients log at WARN (they log their whole configuration at INFO). */
  public static void quietKafkaClients() {
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
    System.setProperty(
        "org.slf4j.simpleLogger.log.org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils",
        "error");
  }

  public Ports ports() {
    return settings.ports();
  }

  public Path home() {
    return home;
  }

  public Path root() {
    return root;
  }

  /** The components started with {@link #up} (space-separated). */
  public String services() {
    return services;
  }

  public String kafkaBootstrap() {
    return "127.0.0.1:" + ports().kafka();
  }

  public String serviceJavaOpts() {
    return settings.serviceJavaOpts();
  }

  /**
   * The environment {@code ./fenghuo} gets: run directory, ports, no demo fleet, JVM options; and
   * {@code FENGHUO_SERVICES} unless null (then the script's default, every service: what {@code
   * down} and {@code reset} want, as they act only on the components it names).
   */
  Map<String, String> environment(String services) {
    Ports ports = ports();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FENGHUO_HOME", home.toString());
    env.put("FENGHUO_KAFKA_PORT", String.valueOf(ports.kafka()));
    env.put("FENGHUO_KAFKA_CONTROLLER_PORT", String.valueOf(ports.kafkaController()));
    env.put("FENGHUO_PG_PORT", String.valueOf(ports.postgres()));
    env.put("FENGHUO_REDIS_PORT", String.valueOf(ports.redis()));
    env.put("FENGHUO_UNIT_SERVICE_PORT", String.valueOf(ports.unitService()));
    env.put("FENGHUO_ALARM_SERVICE_PORT", String.valueOf(ports.alarmService()));
    env.put("FENGHUO_DISPATCH_SERVICE_PORT", String.valueOf(ports.dispatchService()));
    env.put("FENGHUO_INSPECTION_SERVICE_PORT", String.valueOf(ports.inspectionService()));
    env.put("FENGHUO_IDP_PORT", String.valueOf(ports.idp()));
    env.put("FENGHUO_CONSOLE_PORT", String.valueOf(ports.console()));
    env.put("FENGHUO_GATEWAY_OP_A_PORT", String.valueOf(ports.gateway()));
    env.put("FENGHUO_GATEWAY_OP_A_HTTP_PORT", String.valueOf(ports.gatewayHttp()));
    env.put("FENGHUO_GATEWAY_OP_A_COMMAND_PORT", String.valueOf(ports.gatewayCommand()));
    env.put("FENGHUO_DEMO_FLEET", "off");
    if (services != null) {
      env.put("FENGHUO_SERVICES", services);
    }
    env.put("FENGHUO_SERVICE_JAVA_OPTS", settings.serviceJavaOpts());
    env.put("FENGHUO_START_TIMEOUT", "300");
    env.put("JAVA_HOME", Path.of(java).getParent().getParent().toString());
    return env;
  }

  /**
   * Runs {@code ./fenghuo ARGS} with the services started so far ({@code down} and {@code reset}:
   * for every component); output to the script log.
   */
  public void fenghuo(Duration timeout, String... args) throws IOException, InterruptedException {
    boolean all = args[0].equals("down") || args[0].equals("reset");
    fenghuo(timeout, environment(all ? null : services), args);
  }

  private void fenghuo(Duration timeout, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("fenghuo").toString());
    command.addAll(List.of(args));
    long offset = Files.exists(scriptLog) ? Files.size(scriptLog) : 0;
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(scriptLog.toFile()));
    builder.environment().remove("FENGHUO_SERVICES");
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroy();
      throw new IOException(
          "./fenghuo " + String.join(" ", args) + " took longer than " + timeout + tail(offset));
    }
    if (process.exitValue() != 0 && !args[0].equals("down")) {
      throw new IOException(
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
  public long pid(String component) throws IOException {
    return Long.parseLong(Files.readString(home.resolve("pids/" + component + ".pid")).strip());
  }

  /** A component's log in the run directory. */
  public Path logOf(String component) {
    return home.resolve("logs/" + component + ".log");
  }

  /** SIGKILL, as {@code kill -9}; waits until the process is gone. */
  public void kill9(String component) throws Exception {
    ProcessHandle process =
        ProcessHandle.of(pid(component))
            .orElseThrow(() -> new IllegalStateException(component + " is not running"));
    process.destroyForcibly();
    process.onExit().get(30, TimeUnit.SECONDS);
  }

  /** A development token from {@code java deploy/local/seed/Seed.java token ROLE [OPERATOR]}. */
  public String token(String role, String operator) throws Exception {
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

  public Path seedDir() {
    return root.resolve("deploy/local/seed");
  }

  public Path simulatorJar() {
    return root.resolve("device-simulator/target/device-simulator.jar");
  }

  /** The gateway's metrics now, or null while its HTTP port does not answer. */
  public Prometheus gatewayMetrics() {
    return Prometheus.tryScrape(ports().gatewayHttp());
  }

  /** What every result records about the platform. */
  public void describe(BenchResult result) {
    result
        .parameter("platform", "./fenghuo up, run directory " + root.relativize(home))
        .parameter("services", services)
        .parameter("service JVM options (added)", settings.serviceJavaOpts())
        .parameter("load average when measuring began", loadAverage());
  }

  /** The 1-, 5- and 15-minute load averages (Linux), or "unknown". */
  public static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " / " + f[1] + " / " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private synchronized void downQuietly() {
    if (down || settings.keep()) {
      return;
    }
    down = true;
    try {
      log("./fenghuo down (" + home + ")");
      fenghuo(Duration.ofMinutes(3), "down");
    } catch (Exception e) {
      System.err.println("./fenghuo down failed: " + e);
    }
  }

  @Override
  public void close() {
    if (settings.keep()) {
      log("--keep: the platform keeps running in " + home);
    }
    downQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs or ran already
    }
  }
}
