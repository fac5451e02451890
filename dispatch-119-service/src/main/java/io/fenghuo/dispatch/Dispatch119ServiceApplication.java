package io.fenghuo.dispatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The dispatch-119 service: forwards confirmed fires to the 119 command centre and carries its
 * receipts back to the operators.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class Dispatch119ServiceApplication {

  /** Starts the service. */
  public static void main(String[] args) {
    SpringApplication.run(Dispatch119ServiceApplication.class, args);
  }
}
