package io.fenghuo.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The gateway-device service: thin wiring around {@link Gateway}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayDeviceApplication {

  public static void main(String[] args) {
    SpringApplication.run(GatewayDeviceApplication.class, args);
  }
}
