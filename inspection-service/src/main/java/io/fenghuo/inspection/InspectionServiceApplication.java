package io.fenghuo.inspection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The inspection-service: status board, fault lifecycle, liveness, polling, integrity. */
@SpringBootApplication
public class InspectionServiceApplication {

  /** Starts the service. */
  public static void main(String[] args) {
    SpringApplication.run(InspectionServiceApplication.class, args);
  }
}
