package io.fenghuo.bench.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A process the bench starts (a JVM on the bench's class path, or the device-simulator jar): output
 * to a log file, each line also to a listener; stopped on {@link #close()} (SIGTERM, SIGKILL after
 * 20 s) and by a shutdown hook on Ctrl-C or failure. Only the processes started here are stopped.
 */
public final class Child implements AutoCloseable {

  private final Process process;
  private final Thread hook;
  private final Thread pump;

  private Child(Process process, Path log, Consumer<String> lines) throws IOException {
    this.process = process;
    this.hook = new Thread(this::kill, "bench-child-kill");
    Runtime.getRuntime().addShutdownHook(hook);
    Files.createDirectories(log.getParent());
    PrintWriter w =
        new PrintWriter(
            Files.newBufferedWriter(
                log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
            true);
    this.pump =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  w.println(line);
                  lines.accept(line);
                }
              } catch (IOException e) {
                // the process ended
              } finally {
                w.close();
              }
            },
            "bench-child-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** {@code java <jvmOptions> -cp <bench.jar> <mainClass> <args>}. */
  public static Child java(
      List<String> jvmOptions,
      String mainClass,
      List<String> args,
      Path log,
      Consumer<String> lines)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaCommand());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classPath());
    cmd.add(mainClass);
    cmd.addAll(args);
    return start(cmd, log, lines);
  }

  /** Any command; stdout and stderr to {@code log} and {@code lines}. */
  public static Child start(List<String> command, Path log, Consumer<String> lines)
      throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    return new Child(p, log, lines);
  }

  /** The {@code java} launcher of the running JVM. */
  public static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  static String classPath() {
    try {
      return Path.of(Child.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      return System.getProperty("java.class.path");
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the exit; -1 if it did not end in time (then it is killed). */
  public int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      kill();
      return -1;
    }
    pump.join(2000);
    return process.exitValue();
  }

  private void kill() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: the hook runs anyway
    }
  }
}
