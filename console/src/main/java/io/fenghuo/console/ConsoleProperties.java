package io.fenghuo.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the console ({@code fenghuo.console.*}).
 *
 * @param services the backend services, in the order the about page lists them
 * @param healthTimeout how long the about page waits for one service's health
 */
@ConfigurationProperties("fenghuo.console")
public record ConsoleProperties(
    List<Service> services, @DefaultValue("2s") Duration healthTimeout) {

  public ConsoleProperties {
    services = services == null ? List.of() : List.copyOf(services);
  }

  /**
   * A backend service the console calls and watches.
   *
   * @param name the service's name, e.g. {@code unit-service}
   * @param url its base URL; health is {@code <url>/actuator/health}
   */
  public record Service(String name, URI url) {}

  /** The service of this name, if configured. */
  public java.util.Optional<Service> service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
