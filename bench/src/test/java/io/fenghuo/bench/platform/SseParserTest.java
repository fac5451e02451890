package io.fenghuo.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

  private static List<SseParser.Event> feed(String... lines) {
    SseParser parser = new SseParser();
    List<SseParser.Event> events = new ArrayList<>();
    for (String line : lines) {
      parser.line(line).ifPresent(events::add);
    }
    return events;
  }

  @Test
  void anEventIsDispatchedAtTheBlankLineWithItsNameIdAndData() {
    assertThat(feed("event:alarm", "id:a-1", "data:<li>x</li>", ""))
        .containsExactly(new SseParser.Event("alarm", "a-1", "<li>x</li>"));
  }

  @Test
  void commentsAreSkippedAndAnEventWithoutDataIsNotDispatched() {
    assertThat(feed(":connected", "", ":heartbeat", "", "event:alarm-changed", "")).isEmpty();
  }

  @Test
  void oneLeadingSpaceIsDroppedAndDataLinesAreJoined() {
    assertThat(feed("event: x", "data: one", "data:  two", "", "data:3", ""))
        .containsExactly(
            new SseParser.Event("x", null, "one\n two"), new SseParser.Event("message", null, "3"));
  }

  @Test
  void theNameDoesNotCarryOverToTheNextEvent() {
    assertThat(feed("event:alarm", "data:a", "", "data:b", ""))
        .extracting(SseParser.Event::name)
        .containsExactly("alarm", "message");
  }
}
