package io.fenghuo.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The machine a result was measured on: what a reader needs to compare it with their own. */
public record Machine(
    int cores,
    long memoryMiB,
    String cpu,
    String os,
    String javaVersion,
    String jvm,
    long maxHeapMiB) {

  public static Machine current() {
    Runtime runtime = Runtime.getRuntime();
    return new Machine(
        runtime.availableProcessors(),
        memTotalMiB(),
        cpuModel(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
        runtime.maxMemory() / (1024 * 1024));
  }

  Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("cores", cores);
    map.put("memoryMiB", memoryMiB);
    map.put("cpu", cpu);
    map.put("os", os);
    map.put("java", javaVersion);
    map.put("jvm", jvm);
    map.put("benchMaxHeapMiB", maxHeapMiB);
    return map;
  }

  private static long memTotalMiB() {
    return procLine("/proc/meminfo", "MemTotal:")
        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
        .orElse(-1L);
  }

  private static String cpuModel() {
    return procLine("/proc/cpuinfo", "model name")
        .map(line -> line.substring(line.indexOf(':') + 1).trim())
        .orElse(System.getProperty("os.arch"));
  }

  private static Optional<String> procLine(String file, String prefix) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(l -> l.startsWith(prefix))
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
