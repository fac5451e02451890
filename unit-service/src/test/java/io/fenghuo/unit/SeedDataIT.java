package io.fenghuo.unit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.testkit.Tokens;
import io.fenghuo.unit.support.RunningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The local run's seed data loads through the public API, as {@code Seed.java load} does it. */
class SeedDataIT extends RunningService {

  private static final Path SEED = Path.of("../deploy/local/seed").toAbsolutePath().normalize();

  @Test
  void theSeedLoadsThroughTheApiWithTheDocumentedDeviceAddresses() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder seed =
        new ProcessBuilder(
                java.toString(),
                "-Dseed.dir=" + SEED,
                SEED.resolve("Seed.java").toString(),
                "load",
                "http://localhost:" + port)
            .redirectErrorStream(true);
    seed.environment().put("FENGHUO_TOKEN", Tokens.admin());
    Process process = seed.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("seeded 300 units");
    JsonNode opA = api.get("/api/units?q=&size=500", Tokens.operator("op-a")).body();
    assertThat(opA.get("items"))
        .extracting(u -> u.get("id").asString())
        .filteredOn(id -> id.startsWith("U-330106-A"))
        .hasSize(150);
    JsonNode devices = api.get("/api/units/U-330106-B007/devices", Tokens.operator("op-b")).body();
    assertThat(devices.get(0).get("address").asString()).isEqualTo("023301060007");
    assertThat(Files.readAllLines(SEED.resolve("units.csv"))).hasSize(301);
  }
}
