package io.fenghuo.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveAlarmLineTest {

  // As AlarmFeed sends it: fragments/live.html rendered, line breaks collapsed to one line.
  static final String RAISED =
      "<li class=\"alarm tone-fire\" tabindex=\"-1\" data-alert=\"true\""
          + " data-alarm-id=\"7d0c1f9e-2b1a-4c35-9d2e-0a1b2c3d4e5f\" data-kind=\"RAISED\">"
          + " <span class=\"icon\" aria-hidden=\"true\">🔥</span> <strong class=\"what\">新火警</strong>"
          + " <span class=\"where\"><span>单位</span> <b>U-330106-A001</b><span> · 1号楼1层走廊</span></span>"
          + " <span class=\"who\">op-a</span> <time class=\"at\">2026-11-28 19:00:00</time>"
          + " <span class=\"id\">7d0c1f9e-2b1a-4c35-9d2e-0a1b2c3d4e5f</span> </li>";

  @Test
  void readsKindAlarmAndUnitOfAFeedLine() {
    assertThat(LiveAlarmLine.parse(RAISED))
        .isEqualTo(
            new LiveAlarmLine("RAISED", "7d0c1f9e-2b1a-4c35-9d2e-0a1b2c3d4e5f", "U-330106-A001"));
  }

  @Test
  void aLineWithoutUnitHasNone() {
    String noUnit = RAISED.replace("<b>U-330106-A001</b>", "<b>—</b>");
    assertThat(LiveAlarmLine.parse(noUnit).unit()).isNull();
  }

  @Test
  void dataThatIsNoFeedLineIsNull() {
    assertThat(LiveAlarmLine.parse("7d0c1f9e-2b1a-4c35-9d2e-0a1b2c3d4e5f")).isNull();
  }
}
