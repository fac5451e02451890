package io.fenghuo.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws Exception {
    assertThat(keys("messages_en.properties")).isEqualTo(keys("messages.properties"));
  }

  @Test
  void noMessageIsBlank() throws Exception {
    for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
      Properties p = load(bundle);
      assertThat(p.stringPropertyNames())
          .allSatisfy(k -> assertThat(p.getProperty(k)).isNotBlank());
    }
  }

  @Test
  void everyLiteralKeyInTheTemplatesExists() throws Exception {
    Set<String> known = keys("messages.properties");
    Pattern literal = Pattern.compile("#\\{([a-z0-9.\\-]+)[}(]");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        if (file.toString().contains("idp")) {
          continue;
        }
        Matcher m = literal.matcher(Files.readString(file));
        while (m.find()) {
          if (!known.contains(m.group(1))) {
            missing.add(file.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static Set<String> keys(String bundle) throws Exception {
    return new TreeSet<>(load(bundle).stringPropertyNames());
  }

  private static Properties load(String bundle) throws Exception {
    Properties p = new Properties();
    try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + bundle)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
