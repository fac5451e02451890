package io.fenghuo.console;

import io.fenghuo.idp.LocalIdentityProvider;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The web console (backend-for-frontend). {@code java -jar console.jar idp} starts the local
 * identity provider instead (ADR 0003).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ConsoleApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("idp")) {
      LocalIdentityProvider.start(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    SpringApplication.run(ConsoleApplication.class, args);
  }
}
