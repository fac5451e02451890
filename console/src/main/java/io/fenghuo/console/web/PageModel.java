package io.fenghuo.console.web;

import io.fenghuo.console.security.ConsoleUser;
import io.fenghuo.console.security.CurrentUser;
import io.fenghuo.console.security.RoleHome;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** What every page's frame shows: the user, the navigation, the language, the version. */
@ControllerAdvice
class PageModel {

  private final String version;

  PageModel(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    this.version = properties != null ? properties.getVersion() : "dev";
  }

  @ModelAttribute("user")
  ConsoleUser user() {
    return CurrentUser.get().orElse(null);
  }

  @ModelAttribute("nav")
  List<Navigation.Item> nav() {
    return CurrentUser.get().map(Navigation::of).orElse(List.of());
  }

  @ModelAttribute("homePath")
  String homePath() {
    return CurrentUser.get().map(RoleHome::of).orElse("/");
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI();
  }

  @ModelAttribute("english")
  boolean english(Locale locale) {
    return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
  }

  @ModelAttribute("times")
  Times times(HttpServletRequest request) {
    TimeZone zone = RequestContextUtils.getTimeZone(request);
    return new Times(zone != null ? zone.toZoneId() : WebConfiguration.DEFAULT_ZONE);
  }

  @ModelAttribute("version")
  String version() {
    return version;
  }
}
