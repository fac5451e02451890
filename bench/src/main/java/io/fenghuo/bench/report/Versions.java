package io.fenghuo.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.utils.AppInfoParser;

/** Versions of what was measured, read from the jars on the class path, never typed in. */
public final class Versions {

  private Versions() {}

  public static Map<String, Object> current() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("fenghuo", implementationVersion(Versions.class).orElse("dev"));
    map.put("kafkaClients", AppInfoParser.getVersion());
    map.put(
        "netty",
        io.netty.util.Version.identify().values().stream()
            .map(io.netty.util.Version::artifactVersion)
            .findFirst()
            .orElse("?"));
    map.put("git", Git.describe());
    return map;
  }

  private static Optional<String> implementationVersion(Class<?> type) {
    return Optional.ofNullable(type.getPackage().getImplementationVersion());
  }
}
