package io.fenghuo.bench.gateway;

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
 * A JVM the bench starts on its own class path (bench.jar holds the simulator): output to a log
 * file, each line also to a listener; destroyed on {@link #close()} and by a shutdown hook.
 */
final class Child implements AutoCloseable {

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
  static Child start(
      List<String> jvmOptions,
      String mainClass,
      List<String> args,
      Path log,
      Consumer<String> lines)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classPath());
    cmd.add(mainClass);
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    return new Child(p, log, lines);
  }

  static String classPath() {
    try {
      return Path.of(Child.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      return System.getProperty("java.class.path");
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the exit; -1 if it did not end in time (then it is killed). */
  int waitFor(long seconds) throws InterruptedException {
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
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
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
