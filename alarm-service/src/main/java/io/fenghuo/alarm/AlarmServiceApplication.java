package io.fenghuo.alarm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The alarm-service: alarm receipt, the operators' queue, confirmation, escalation, audit. */
@SpringBootApplication
public class AlarmServiceApplication {

  /** Starts the service. */
  public static void main(String[] args) {
    SpringApplication.run(AlarmServiceApplication.class, args);
  }
}
