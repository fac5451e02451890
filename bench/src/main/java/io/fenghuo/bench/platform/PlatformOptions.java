package io.fenghuo.bench.platform;

import io.fenghuo.bench.local.LocalPlatform;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How a platform scenario gets its platform (a picocli mixin). */
final class PlatformOptions {

  /**
   * The gateway's per-source-address connection limit (default 200) is raised for the bench: every
   * simulated device connects from 127.0.0.1 (Linux picks that source address for any 127.0.0.x
   * destination). Recorded with every result.
   */
  static final String SERVICE_JAVA_OPTS =
      "-Dfenghuo.gateway.max-connections-per-source-address=20000";

  @Option(
      names = "--home",
      defaultValue = ".run/bench-platform",
      description = "Run directory of the platform (default: ${DEFAULT-VALUE}).")
  String home;

  @Option(
      names = "--fresh",
      description = "Wipe the run directory first (./fenghuo reset): a first start, slower.")
  boolean fresh;

  @Option(
      names = "--reuse",
      description = "Use the platform already running in the run directory (no down/reset first).")
  boolean reuse;

  @Option(names = "--keep", description = "Leave the platform running afterwards.")
  boolean keep;

  LocalPlatform.Settings settings() {
    return new LocalPlatform.Settings(
        Path.of(home), LocalPlatform.Ports.PLATFORM, SERVICE_JAVA_OPTS, reuse, keep, fresh);
  }
}
