package io.fenghuo.unit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The unit-service: the networked units' electronic archive and the unit stream. */
@SpringBootApplication
public class UnitServiceApplication {

  /** Starts the service. */
  public static void main(String[] args) {
    SpringApplication.run(UnitServiceApplication.class, args);
  }
}
