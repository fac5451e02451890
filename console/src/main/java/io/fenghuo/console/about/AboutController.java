package io.fenghuo.console.about;

import io.fenghuo.console.ConsoleProperties;
import io.fenghuo.console.web.WebConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import java.util.TimeZone;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The about page: version, and the health of every backend service, refreshed by htmx every 15 s so
 * that an operator sees at once when something is down.
 */
@Controller
class AboutController {

  private final ConsoleProperties properties;
  private final ServiceHealth health;

  AboutController(ConsoleProperties properties) {
    this.properties = properties;
    this.health = new ServiceHealth(properties.healthTimeout());
  }

  @GetMapping("/about")
  String about(Model model, HttpServletRequest request) {
    model.addAttribute("javaVersion", Runtime.version().toString());
    TimeZone zone = RequestContextUtils.getTimeZone(request);
    model.addAttribute("zone", zone != null ? zone.getID() : WebConfiguration.DEFAULT_ZONE.getId());
    return "about";
  }

  @GetMapping("/about/health")
  String health(Model model) {
    model.addAttribute("statuses", health.check(properties.services()));
    return "fragments/health :: table";
  }
}
