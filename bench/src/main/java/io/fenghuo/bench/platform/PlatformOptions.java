package io.fenghuo.bench.platform;

import picocli.CommandLine.Option;

/** How a platform scenario gets its platform (a picocli mixin). */
final class PlatformOptions {

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
}
