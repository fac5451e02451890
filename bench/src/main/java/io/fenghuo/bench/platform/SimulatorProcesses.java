package io.fenghuo.bench.platform;

import io.fenghuo.bench.local.Child;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Load from outside the harness: device-simulator jar processes, each with its own generated,
 * unbound devices (addresses {@code f<k>0000000001…}, so no two processes share one), each process
 * its own JVM ({@link Child}: stopped with SIGTERM, then SIGKILL after 20 s, also on Ctrl-C).
 */
final class SimulatorProcesses implements AutoCloseable {

  private final List<Child> processes = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();
  private final List<String> commands = new ArrayList<>();

  /**
   * Starts {@code count} processes of {@code devicesEach} devices against the gateway.
   *
   * @param extra further simulator options (e.g. {@code --status-interval 80ms})
   */
  static SimulatorProcesses start(
      Path jar,
      int gatewayPort,
      int count,
      int devicesEach,
      Path logs,
      String name,
      List<String> extra)
      throws IOException {
    if (count > 8) {
      throw new IllegalArgumentException("at most 8 simulator processes (address scheme)");
    }
    List<List<String>> devices = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      devices.add(
          List.of(
              "-n",
              String.valueOf(devicesEach),
              "--address-base",
              String.format("f%d%010x", k + 2, 1)));
    }
    return start(jar, gatewayPort, devices, logs, name, extra);
  }

  /**
   * Starts one process per fleet file (the simulator's {@code -f}: devices bound to units, e.g.
   * {@code board-lag}'s bench units) against the gateway.
   */
  static SimulatorProcesses startFleets(
      Path jar, int gatewayPort, List<Path> fleetFiles, Path logs, String name, List<String> extra)
      throws IOException {
    List<List<String>> devices = new ArrayList<>();
    for (Path f : fleetFiles) {
      devices.add(List.of("-f", f.toString()));
    }
    return start(jar, gatewayPort, devices, logs, name, extra);
  }

  private static SimulatorProcesses start(
      Path jar,
      int gatewayPort,
      List<List<String>> devices,
      Path logs,
      String name,
      List<String> extra)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no simulator jar " + jar + " (bench/run builds it)");
    }
    Files.createDirectories(logs);
    String java = Child.javaCommand();
    SimulatorProcesses all = new SimulatorProcesses();
    for (int k = 0; k < devices.size(); k++) {
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "-Xmx256m",
                  "-XX:+UseSerialGC",
                  "-Dbench.component=" + name + "-" + k,
                  "-jar",
                  jar.toString(),
                  "-c",
                  "127.0.0.1:" + gatewayPort));
      command.addAll(devices.get(k));
      command.addAll(
          List.of(
              "--io-threads",
              "1",
              "--drain",
              "1s",
              "--report-interval",
              "10s",
              "--seed",
              String.valueOf(k + 1)));
      command.addAll(extra);
      Path log = logs.resolve(name + "-" + k + ".log");
      Files.deleteIfExists(log);
      try {
        all.processes.add(Child.start(command, log, line -> {}));
      } catch (IOException | RuntimeException e) {
        all.close();
        throw e;
      }
      all.logs.add(log);
      all.commands.add(String.join(" ", command.subList(5, command.size())));
    }
    return all;
  }

  /** The simulator options of the first process (to record with the result). */
  String commandLine() {
    return commands.isEmpty() ? "" : "device-simulator.jar " + commands.get(0);
  }

  /**
   * The simulators' own upload counters, summed over the processes, from the last JSON progress
   * line each wrote (every 10 s): sent, confirmed, failed, retransmissions.
   */
  long[] uploads() {
    long[] sum = new long[4];
    for (Path log : logs) {
      try {
        String last = null;
        for (String line : Files.readAllLines(log)) {
          if (line.startsWith("{") && line.contains("\"uploads\"")) {
            last = line;
          }
        }
        if (last == null) {
          continue;
        }
        var u = AlarmApi.JSON.readTree(last).path("uploads");
        sum[0] += u.path("sent").asLong();
        sum[1] += u.path("confirmed").asLong();
        sum[2] += u.path("failed").asLong();
        sum[3] += u.path("retransmissions").asLong();
      } catch (IOException | RuntimeException e) {
        // a log without a readable line counts nothing
      }
    }
    return sum;
  }

  boolean allAlive() {
    return processes.stream().allMatch(Child::isAlive);
  }

  @Override
  public void close() {
    processes.forEach(Child::close);
    processes.clear();
  }
}
