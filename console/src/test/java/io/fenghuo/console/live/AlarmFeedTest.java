package io.fenghuo.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;

class AlarmFeedTest {

  @Test
  void stoppingTheConsoleEndsEveryOpenStreamSoItsShutdownNeedNotWaitForBrowsers() {
    AlarmFeed feed = new AlarmFeed(new TemplateEngine());
    feed.start();
    LiveScope scope =
        LiveScopeTest.scopeOf(
            Map.of("sub", "op-a-operator", "roles", List.of("operator"), "operator_id", "op-a"));
    feed.subscribe(scope, Locale.SIMPLIFIED_CHINESE, ZoneId.of("Asia/Shanghai"));
    feed.subscribe(scope, Locale.ENGLISH, ZoneId.of("Asia/Shanghai"));
    assertThat(feed.size()).isEqualTo(2);

    feed.stop();

    assertThat(feed.size()).isZero();
    assertThat(feed.isRunning()).isFalse();
  }
}
