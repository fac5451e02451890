package io.fenghuo.simulator.cli;

import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.session.RetransmissionPolicy;
import io.fenghuo.simulator.Fleet;
import io.fenghuo.simulator.SimulatorConfig;
import io.fenghuo.simulator.device.AddressText;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.fleet.FleetFile;
import io.fenghuo.simulator.fleet.FleetGenerator;
import io.fenghuo.simulator.report.Report;
import io.fenghuo.simulator.scenario.BackgroundRates;
import io.fenghuo.simulator.scenario.Durations;
import io.fenghuo.simulator.scenario.Scenario;
import io.fenghuo.simulator.session.Backoff;
import io.fenghuo.simulator.session.DutyCheckBehaviour;
import io.fenghuo.simulator.session.HeartbeatMode;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code device-simulator} command: runs a fleet of simulated UITDs against a centre and
 * reports what happened. Exit status 0 if every upload was confirmed, 1 if any failed or was left
 * unconfirmed, 2 for a usage error.
 */
@Command(
    name = "device-simulator",
    mixinStandardHelpOptions = true,
    version = "device-simulator 0.1.0 (GB/T 26875.3-2011 UITD fleet)",
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Simulates GB/T 26875.3-2011 user information transmission devices (UITDs, 用户信息传输装置)"
          + " over real TCP: heartbeats, periodic status, scenario and random background events"
          + " (fires, faults, 屏蔽, power faults, analog values, operation records), retransmission"
          + " (§6.5), answers to the centre's reads, clock sync, init and 查岗.",
      "",
      "Progress reports (JSON, one line each) and the final report (JSON) go to stdout; a short"
          + " human summary goes to stderr.",
      ""
    },
    footer = {
      "",
      "Durations: 250ms, 30s, 5m, 1h30m (a bare number is seconds).",
      "Generated addresses: device #i is BASE + i (default f10000000001, f10000000002, …).",
      "Exit status: 0 all uploads confirmed; 1 some failed or unconfirmed; 2 usage error.",
      "",
      "Examples:",
      "  java -jar device-simulator.jar -c 127.0.0.1:9000 -n 1000 -d 5m --background",
      "  java -jar device-simulator.jar -c gw:9000 -f fleet.csv -s fire-drill.txt -r report.json",
      "  java -jar device-simulator.jar -n 100 --print-fleet > fleet.csv"
    })
public final class SimulatorCommand implements java.util.concurrent.Callable<Integer> {

  @Option(
      names = {"-c", "--centre"},
      paramLabel = "HOST:PORT",
      description = "Monitoring centre (gateway) TCP address. Required unless --print-fleet.")
  String centre;

  @Option(
      names = "--centre-address",
      paramLabel = "HEX12",
      defaultValue = "000000000000",
      description =
          "The centre's 6-byte frame address (destination of uploads). Default: ${DEFAULT-VALUE}.")
  String centreAddress;

  @Option(
      names = {"-n", "--devices"},
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Number of generated devices (ignored with --fleet). Default: ${DEFAULT-VALUE}.")
  int devices;

  @Option(
      names = {"-f", "--fleet"},
      paramLabel = "FILE",
      description =
          "Fleet CSV: device_address,system_type,system_address,component_type,component_address,"
              + "description (one point per line).")
  Path fleetFile;

  @Option(
      names = "--address-base",
      paramLabel = "HEX12",
      defaultValue = "f10000000001",
      description =
          "Address of generated device #0; device #i is BASE + i. Default: ${DEFAULT-VALUE}.")
  String addressBase;

  @Option(
      names = "--points",
      paramLabel = "N",
      defaultValue = "8",
      description =
          "Fire-alarm components per generated device (plus one water tank). Default: ${DEFAULT-VALUE}.")
  int points;

  @Option(
      names = {"-s", "--scenario"},
      paramLabel = "FILE",
      description =
          "Scenario file, e.g. lines like 'at 30s device #12 loop 1 point 7 smoke-detector fire'.")
  Path scenarioFile;

  @Option(
      names = "--heartbeat",
      paramLabel = "MODE",
      defaultValue = "empty",
      description =
          "Keep-alive: empty (cmd-2 frame, L=0), uitd-state (type 21) or none. Default: ${DEFAULT-VALUE}.")
  String heartbeat;

  @Option(
      names = "--heartbeat-interval",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description = "Default: ${DEFAULT-VALUE}.")
  Duration heartbeatInterval;

  @Option(
      names = "--status-interval",
      paramLabel = "DURATION",
      defaultValue = "0",
      description = "Periodic status upload (types 1 and 21); 0 = off. Default: ${DEFAULT-VALUE}.")
  Duration statusInterval;

  @Option(
      names = "--background",
      description =
          "Random background activity with demo rates per device per hour: 0.05 fires, 0.5 faults,"
              + " 0.1 disables, 0.05 power faults, 0.2 operations; analog every 5m. The rate options"
              + " below override single rates.")
  boolean background;

  @Option(
      names = "--fire-rate",
      paramLabel = "PER_HOUR",
      description = "Fires per device per hour.")
  Double fireRate;

  @Option(
      names = "--fault-rate",
      paramLabel = "PER_HOUR",
      description = "Faults per device per hour.")
  Double faultRate;

  @Option(
      names = "--disable-rate",
      paramLabel = "PER_HOUR",
      description = "Disables (屏蔽) per device per hour.")
  Double disableRate;

  @Option(
      names = "--power-fault-rate",
      paramLabel = "PER_HOUR",
      description = "Main power faults per device per hour.")
  Double powerFaultRate;

  @Option(
      names = "--operation-rate",
      paramLabel = "PER_HOUR",
      description = "Facility operation records per device per hour.")
  Double operationRate;

  @Option(
      names = "--analog-interval",
      paramLabel = "DURATION",
      description = "Analog sample interval per device (0 = off).")
  Duration analogInterval;

  @Option(
      names = "--recovery-mean",
      paramLabel = "DURATION",
      description = "Mean time until a background fault/disable/power fault clears (default 5m).")
  Duration recoveryMean;

  @Option(
      names = "--fire-reset-mean",
      paramLabel = "DURATION",
      description = "Mean time until a background fire is reset (default 3m).")
  Duration fireResetMean;

  @Option(
      names = "--duty-delay",
      paramLabel = "MIN[..MAX]",
      defaultValue = "5s..30s",
      description = "Human delay before answering 查岗 (type 91). Default: ${DEFAULT-VALUE}.")
  String dutyDelay;

  @Option(
      names = "--duty-miss-rate",
      paramLabel = "P",
      defaultValue = "0",
      description = "Probability 0–1 that nobody answers a 查岗. Default: ${DEFAULT-VALUE}.")
  double dutyMissRate;

  @Option(
      names = "--ack-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description =
          "Wait for a confirm before retransmitting (≤ 10s, §6.5.4). Default: ${DEFAULT-VALUE}.")
  Duration ackTimeout;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "3",
      description = "Retransmissions before an upload fails (§6.5). Default: ${DEFAULT-VALUE}.")
  int retries;

  @Option(
      names = "--reconnect-min",
      paramLabel = "DURATION",
      defaultValue = "1s",
      description = "First reconnect back-off step. Default: ${DEFAULT-VALUE}.")
  Duration reconnectMin;

  @Option(
      names = "--reconnect-max",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description = "Back-off cap (steps double, jittered). Default: ${DEFAULT-VALUE}.")
  Duration reconnectMax;

  @Option(
      names = "--connect-rate",
      paramLabel = "PER_SECOND",
      defaultValue = "500",
      description = "New connections per second at start-up. Default: ${DEFAULT-VALUE}.")
  double connectRate;

  @Option(
      names = {"-d", "--duration"},
      paramLabel = "DURATION",
      defaultValue = "0",
      description = "How long to run; 0 = until Ctrl-C. Default: ${DEFAULT-VALUE}.")
  Duration duration;

  @Option(
      names = "--drain",
      paramLabel = "DURATION",
      defaultValue = "15s",
      description =
          "At the end, wait this long for outstanding confirms and 查岗 replies. Default: ${DEFAULT-VALUE}.")
  Duration drain;

  @Option(
      names = {"-p", "--profile"},
      paramLabel = "NAME",
      defaultValue = "standard",
      description =
          "Device profile: standard, firemaster, bcd-time, lenient. Default: ${DEFAULT-VALUE}.")
  String profile;

  @Option(
      names = {"-r", "--report"},
      paramLabel = "FILE",
      description = "Also write the final JSON report to FILE.")
  Path reportFile;

  @Option(
      names = "--report-interval",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description =
          "Progress report interval (JSON line on stdout); 0 = off. Default: ${DEFAULT-VALUE}.")
  Duration reportInterval;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of all random choices. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--io-threads",
      paramLabel = "N",
      defaultValue = "0",
      description = "Netty I/O threads; 0 = 2 × cores. Default: ${DEFAULT-VALUE}.")
  int ioThreads;

  @Option(
      names = "--local-address",
      paramLabel = "ADDR[,ADDR…]",
      description =
          "Source addresses to connect from, round-robin over the devices (e.g."
              + " 127.0.0.1..127.0.0.8: an IPv4 range in the last byte). Several loopback"
              + " addresses get past the ephemeral-port limit of one. Default: the OS chooses.")
  String localAddress;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      defaultValue = "Asia/Shanghai",
      description = "Time zone of device clocks (time labels). Default: ${DEFAULT-VALUE}.")
  String zone;

  @Option(
      names = "--print-fleet",
      description = "Print the fleet as CSV (fleet-file format) and exit; seeds other services.")
  boolean printFleet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Stops a run early (tests, Ctrl-C). */
  private final CountDownLatch interrupted = new CountDownLatch(1);

  /** Runs the command and exits the JVM with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** A configured command line (converters, exit codes), for {@code main} and tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SimulatorCommand());
    cl.registerConverter(Duration.class, Durations::parse);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DeviceProfile deviceProfile = DeviceProfile.named(profile);
    List<DeviceSpec> fleetSpecs =
        fleetFile != null
            ? FleetFile.load(fleetFile, deviceProfile)
            : FleetGenerator.generate(
                devices, AddressText.parse(addressBase), points, deviceProfile);
    if (printFleet) {
      out.print(FleetFile.format(fleetSpecs));
      out.flush();
      return 0;
    }
    if (centre == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing --centre HOST:PORT");
    }
    SimulatorConfig config = config();
    Scenario scenario = scenarioFile != null ? Scenario.load(scenarioFile) : Scenario.EMPTY;
    err.printf(
        Locale.ROOT,
        "starting %d devices against %s (heartbeat %s every %s, profile %s)%n",
        fleetSpecs.size(),
        centre,
        heartbeat,
        Durations.format(heartbeatInterval),
        deviceProfile.name());
    err.flush();
    Fleet fleet = Fleet.start(config, fleetSpecs, scenario);
    Thread hook = new Thread(interrupted::countDown, "simulator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> daemon(r));
    if (!reportInterval.isZero()) {
      long every = reportInterval.toMillis();
      progress.scheduleAtFixedRate(
          () -> {
            out.println(fleet.report("progress").toJson());
            out.flush();
          },
          every,
          every,
          TimeUnit.MILLISECONDS);
    }
    try {
      if (duration.isZero()) {
        interrupted.await();
      } else {
        interrupted.await(duration.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      progress.shutdownNow();
    }
    Report report = fleet.stop(drain);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C: the JVM is already exiting; the report below is still printed.
    }
    out.println(report.toJson());
    out.flush();
    err.print(report.toHumanSummary());
    err.flush();
    if (reportFile != null) {
      Files.writeString(reportFile, report.toJson() + "\n", StandardCharsets.UTF_8);
    }
    return report.isClean() ? 0 : 1;
  }

  SimulatorConfig config() {
    String[] hp = centre.split(":");
    if (hp.length != 2) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--centre must be HOST:PORT, got '" + centre + "'");
    }
    String[] delay = dutyDelay.split("\\.\\.");
    Duration minDelay = Durations.parse(delay[0]);
    Duration maxDelay = delay.length > 1 ? Durations.parse(delay[1]) : minDelay;
    List<InetAddress> locals;
    try {
      locals = localAddresses(localAddress);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return SimulatorConfig.builder(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])))
        .centreAddress(AddressText.parse(centreAddress))
        .heartbeat(heartbeatMode(), heartbeatInterval)
        .statusInterval(statusInterval)
        .retransmission(new RetransmissionPolicy(ackTimeout, retries))
        .dutyCheck(new DutyCheckBehaviour(minDelay, maxDelay, dutyMissRate, 1))
        .backoff(new Backoff(reconnectMin, reconnectMax))
        .connectRate(connectRate)
        .clock(Clock.system(ZoneId.of(zone)))
        .seed(seed)
        .background(backgroundRates())
        .ioThreads(ioThreads)
        .localAddresses(locals)
        .build();
  }

  /**
   * {@code --local-address}: comma-separated addresses, each a host or an IPv4 range {@code
   * a.b.c.x..a.b.c.y} in the last byte; null or blank for none.
   */
  static List<InetAddress> localAddresses(String text) {
    List<InetAddress> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    try {
      for (String part : text.split(",")) {
        String p = part.strip();
        int dots = p.indexOf("..");
        if (dots < 0) {
          out.add(InetAddress.getByName(p));
          continue;
        }
        byte[] from = InetAddress.getByName(p.substring(0, dots)).getAddress();
        byte[] to = InetAddress.getByName(p.substring(dots + 2)).getAddress();
        if (from.length != 4
            || to.length != 4
            || from[0] != to[0]
            || from[1] != to[1]
            || from[2] != to[2]
            || (to[3] & 0xff) < (from[3] & 0xff)) {
          throw new IllegalArgumentException(
              "--local-address range must be IPv4, differ only in the last byte and ascend: " + p);
        }
        for (int last = from[3] & 0xff; last <= (to[3] & 0xff); last++) {
          byte[] a = from.clone();
          a[3] = (byte) last;
          out.add(InetAddress.getByAddress(a));
        }
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--local-address: " + e.getMessage(), e);
    }
    return out;
  }

  private HeartbeatMode heartbeatMode() {
    return switch (heartbeat.toLowerCase(Locale.ROOT)) {
      case "empty" -> HeartbeatMode.EMPTY;
      case "uitd-state", "type21", "21" -> HeartbeatMode.UITD_STATE;
      case "none" -> HeartbeatMode.NONE;
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--heartbeat must be empty, uitd-state or none");
    };
  }

  BackgroundRates backgroundRates() {
    BackgroundRates r = background ? BackgroundRates.DEMO : BackgroundRates.NONE;
    if (fireRate != null) {
      r = r.withFiresPerHour(fireRate);
    }
    if (faultRate != null) {
      r = r.withFaultsPerHour(faultRate);
    }
    if (disableRate != null) {
      r = r.withDisablesPerHour(disableRate);
    }
    if (powerFaultRate != null) {
      r = r.withPowerFaultsPerHour(powerFaultRate);
    }
    if (operationRate != null) {
      r = r.withOperationsPerHour(operationRate);
    }
    if (analogInterval != null) {
      r = r.withAnalogInterval(analogInterval);
    }
    if (recoveryMean != null) {
      r = r.withMeanRecovery(recoveryMean);
    }
    if (fireResetMean != null) {
      r = r.withMeanFireReset(fireResetMean);
    }
    return r;
  }

  /** Ends a running {@link #call()} early, as Ctrl-C does. */
  void interrupt() {
    interrupted.countDown();
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "simulator-report");
    t.setDaemon(true);
    return t;
  }
}
