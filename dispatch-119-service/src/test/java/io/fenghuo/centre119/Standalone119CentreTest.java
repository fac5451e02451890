package io.fenghuo.centre119;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The standalone centre really is standalone: Kafka clients, the JDK and JSON, nothing else. */
class Standalone119CentreTest {

  @Test
  void theStandaloneCentreImportsOnlyKafkaClientsTheJdkAndJson() throws Exception {
    String source =
        Files.readString(Path.of("src/test/java/io/fenghuo/centre119/Standalone119Centre.java"));

    assertThat(source.lines().filter(l -> l.startsWith("import ")))
        .isNotEmpty()
        .allSatisfy(
            l -> assertThat(l).matches("import (org\\.apache\\.kafka|java|tools\\.jackson)\\..*;"));
    assertThat(source).doesNotContain("io.fenghuo.contracts").doesNotContain("io.fenghuo.dispatch");
  }
}
