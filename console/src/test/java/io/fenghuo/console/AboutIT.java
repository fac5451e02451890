package io.fenghuo.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AboutIT extends RunningConsole {

  @Test
  void showsTheVersionAndWhichServiceIsDown() {
    Browserless browser = signIn("op-b-operator");

    assertThat(browser.get("/about").body()).contains("id=\"version\">0.1.0-SNAPSHOT<");
    String health = browser.get("/about/health").body();

    assertThat(health)
        .contains("data-service=\"unit-service\" data-state=\"UP\"")
        .contains("data-service=\"alarm-service\" data-state=\"UP\"")
        .contains("data-service=\"inspection-service\" data-state=\"UP\"")
        .contains("data-service=\"supervision-service\" data-state=\"UNREACHABLE\"")
        .contains("无法连接");
  }

  @Test
  void probesAreOpen() {
    assertThat(new Browserless(stack.consoleUrl()).get("/actuator/health").statusCode())
        .isIn(200, 503);
  }
}
