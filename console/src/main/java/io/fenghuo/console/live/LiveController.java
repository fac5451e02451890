package io.fenghuo.console.live;

import io.fenghuo.console.security.ConsoleUser;
import io.fenghuo.console.security.CurrentUser;
import io.fenghuo.console.web.WebConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The live stream of alarm events, scoped to the signed-in user's tenant. The URL names no tenant:
 * the scope comes from the session, so no URL can widen it.
 */
@RestController
class LiveController {

  private final AlarmFeed feed;

  LiveController(AlarmFeed feed) {
    this.feed = feed;
  }

  @GetMapping(path = "/live/alarms", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter alarms(HttpServletRequest request, Locale locale) {
    ConsoleUser user =
        CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    TimeZone zone = RequestContextUtils.getTimeZone(request);
    return feed.subscribe(
        LiveScope.of(user), locale, zone != null ? zone.toZoneId() : WebConfiguration.DEFAULT_ZONE);
  }
}
