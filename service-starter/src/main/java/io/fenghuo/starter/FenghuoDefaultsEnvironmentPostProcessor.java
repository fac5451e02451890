package io.fenghuo.starter;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's defaults ({@code io/fenghuo/starter/fenghuo-defaults.properties}: {@code
 * acks=all}, idempotent producers, CloudEvents serde, commit after processing, probes, Prometheus,
 * structured logs) as the last property source, so a service's own configuration still wins.
 */
public class FenghuoDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

  static final String SOURCE_NAME = "fenghuoDefaults";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(SOURCE_NAME)) {
      return;
    }
    try {
      environment
          .getPropertySources()
          .addLast(
              new ResourcePropertySource(
                  SOURCE_NAME,
                  new ClassPathResource("io/fenghuo/starter/fenghuo-defaults.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Fenghuo defaults", e);
    }
  }
}
