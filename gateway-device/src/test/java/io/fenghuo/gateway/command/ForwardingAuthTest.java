package io.fenghuo.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.gateway.command.ForwardingAuth.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardingAuthTest {

  static final String SECRET = "0123456789abcdef-op-a";
  static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
  final byte[] body = "{\"commandId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aRequestSignedWithTheSharedSecretIsAcceptedOnce() {
    Map<String, String> h = auth(NOW).sign(body);
    ForwardingAuth receiver = auth(NOW.plusSeconds(2));
    assertThat(verify(receiver, h, body)).isEqualTo(Verdict.OK);
    assertThat(verify(receiver, h, body)).as("the same request again").isEqualTo(Verdict.REPLAYED);
  }

  @Test
  void aRequestWithoutHeadersIsRefused() {
    assertThat(auth(NOW).verify(null, null, body)).isEqualTo(Verdict.MISSING);
  }

  @Test
  void anotherSecretOrAChangedBodyFailsTheSignature() {
    Map<String, String> foreign = ForwardingAuth.of("another-secret-of-16+", fixed(NOW)).sign(body);
    assertThat(verify(auth(NOW), foreign, body)).isEqualTo(Verdict.BAD_SIGNATURE);
    Map<String, String> h = auth(NOW).sign(body);
    byte[] changed = "{\"commandId\":\"c-2\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(verify(auth(NOW), h, changed)).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aRequestOutsideTheWindowIsStale() {
    Map<String, String> h = auth(NOW).sign(body);
    assertThat(verify(auth(NOW.plus(ForwardingAuth.WINDOW).plusSeconds(1)), h, body))
        .isEqualTo(Verdict.STALE);
    assertThat(verify(auth(NOW.minus(Duration.ofMinutes(5))), h, body)).isEqualTo(Verdict.STALE);
  }

  @Test
  void withoutAConfiguredSecretNothingIsAcceptedAcrossInstances() {
    ForwardingAuth a = ForwardingAuth.of(null, fixed(NOW));
    ForwardingAuth b = ForwardingAuth.of(null, fixed(NOW));
    assertThat(a.isConfigured()).isFalse();
    assertThat(verify(b, a.sign(body), body)).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void aShortSecretIsRejected() {
    assertThatThrownBy(() -> ForwardingAuth.of("short", fixed(NOW)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Verdict verify(ForwardingAuth auth, Map<String, String> h, byte[] body) {
    return auth.verify(
        h.get(ForwardingAuth.TIMESTAMP_HEADER), h.get(ForwardingAuth.SIGNATURE_HEADER), body);
  }

  private static ForwardingAuth auth(Instant now) {
    return ForwardingAuth.of(SECRET, fixed(now));
  }

  private static Clock fixed(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }
}
