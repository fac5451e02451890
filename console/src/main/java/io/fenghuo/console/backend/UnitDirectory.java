package io.fenghuo.console.backend;

import io.fenghuo.console.ConsoleProperties;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The units the signed-in user may see, from the unit-service ({@code GET /api/units}) with the
 * user's own token: the service scopes the answer to the user's tenant.
 */
@Component
public class UnitDirectory {

  /**
   * One line of the unit list.
   *
   * @param id the unit id
   * @param name the unit's name
   * @param category its category
   * @param address its address
   */
  public record UnitLine(String id, String name, String category, String address) {}

  /**
   * The answer: the units, or why there are none.
   *
   * @param units the units; empty if unavailable
   * @param problem null if the service answered, else what went wrong (for the page)
   */
  public record Result(List<UnitLine> units, String problem) {}

  private final RestClient client;
  private final Optional<URI> base;

  UnitDirectory(RestClient backendClient, ConsoleProperties properties) {
    this.client = backendClient;
    this.base = properties.service("unit-service").map(ConsoleProperties.Service::url);
  }

  public Result units() {
    if (base.isEmpty()) {
      return new Result(List.of(), "not-configured");
    }
    try {
      Map<String, Object> page =
          client
              .get()
              .uri(base.get().toString() + "/api/units?size=50")
              .retrieve()
              .body(new ParameterizedTypeReference<Map<String, Object>>() {});
      return new Result(lines(page), null);
    } catch (RestClientException e) {
      return new Result(List.of(), e.getMessage());
    }
  }

  /**
   * Reads the unit-service's page ({@code {items: [{id, profile: {name, category, address}}]}}).
   */
  @SuppressWarnings("unchecked")
  static List<UnitLine> lines(Map<String, Object> page) {
    Object items = page == null ? null : page.get("items");
    if (!(items instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .filter(Map.class::isInstance)
        .map(i -> (Map<String, Object>) i)
        .map(
            u -> {
              Map<String, Object> profile =
                  u.get("profile") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
              return new UnitLine(
                  text(u.get("id")),
                  text(profile.get("name")),
                  text(profile.get("category")),
                  text(profile.get("address")));
            })
        .toList();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
