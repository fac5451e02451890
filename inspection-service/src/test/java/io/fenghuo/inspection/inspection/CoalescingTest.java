package io.fenghuo.inspection.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.DisconnectReason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * When hearing a device may leave its row unwritten ({@link Uitd#coalesces}): only a refresh of an
 * online device within the slack (heartbeat window / 20: 9 s of the default 3 min), never a change
 * of liveness, connection, binding or schedule, and never so that the stored deadline is later than
 * the true one. Explicit instants; the desk writes the row exactly when this says no.
 */
class CoalescingTest {

  static final OperatorId OP = OperatorId.of("op-a");
  static final DeviceAddress D = DeviceAddress.of("0140609623b2");
  static final UnitId U = UnitId.of("U-1");
  static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");
  static final Policy P = Policy.DEFAULTS;
  static final Tuning TUNING = Tuning.DEFAULTS;

  /** A device online since a signal at T0, as stored. */
  static Uitd online() {
    Uitd u = Uitd.learned(OP, D, U, T0.minusSeconds(600), Duration.ofHours(1));
    u.heard(T0, T0, P);
    u.clockDrift(T0.minusMillis(200), T0, T0, TUNING);
    return u;
  }

  /**
   * Hears a signal received at {@code at} (drift {@code driftMs}) and says whether to skip the
   * write.
   */
  static boolean coalesces(Uitd stored, Instant at, long driftMs, Policy policy) {
    Uitd u = stored.copy();
    u.heard(at, at, policy);
    u.clockDrift(at.plusMillis(driftMs), at, at, TUNING);
    return u.coalesces(stored, policy);
  }

  @Test
  void anOnlineDeviceHeardAgainWithinTheSlackIsNotWrittenBeyondItIs() {
    assertThat(Duration.ofMinutes(3).dividedBy(Uitd.COALESCE_FRACTION))
        .isEqualTo(Duration.ofSeconds(9));
    Uitd stored = online();
    assertThat(coalesces(stored, T0, -200, P)).isTrue();
    assertThat(coalesces(stored, T0.plusSeconds(1), -200, P)).isTrue();
    assertThat(coalesces(stored, T0.plusMillis(8_999), 300, P)).isTrue();
    assertThat(coalesces(stored, T0.plusSeconds(9), -200, P)).isFalse();
    assertThat(coalesces(stored, T0.plusSeconds(60), -200, P)).isFalse();
  }

  @Test
  void theStoredDeadlineIsNeverLaterThanTheTrueOneAndAtMostTheSlackEarlier() {
    Uitd stored = online();
    for (long ms = 0; ms < 20_000; ms += 250) {
      Uitd u = stored.copy();
      Instant at = T0.plusMillis(ms);
      u.heard(at, at, P);
      Instant trueDeadline = at.plus(P.offlineAfter());
      assertThat(u.offlineDueAt()).isEqualTo(trueDeadline);
      Instant kept = u.coalesces(stored, P) ? stored.offlineDueAt() : u.offlineDueAt();
      assertThat(kept).isBeforeOrEqualTo(trueDeadline);
      assertThat(Duration.between(kept, trueDeadline)).isLessThan(Duration.ofSeconds(9));
    }
  }

  @Test
  void aChangeOfLivenessIsAlwaysWritten() {
    // First heard (UNKNOWN → ONLINE).
    Uitd learned = Uitd.learned(OP, D, U, T0, Duration.ofHours(1));
    Uitd first = learned.copy();
    assertThat(first.heard(T0, T0, P)).isEqualTo(Uitd.Heard.FIRST_HEARD);
    assertThat(first.coalesces(learned, P)).isFalse();

    // Back online (OFFLINE → ONLINE), even right after the stored last-seen time.
    Uitd offline = online();
    assertThat(offline.sweep(T0.plus(P.offlineAfter()))).isTrue();
    Uitd back = offline.copy();
    Instant later = T0.plus(P.offlineAfter()).plusSeconds(1);
    assertThat(back.heard(later, later, P)).isEqualTo(Uitd.Heard.BACK_ONLINE);
    assertThat(back.coalesces(offline, P)).isFalse();
  }

  @Test
  void aPendingDisconnectABindingAClockSyncOrADriftStepIsWritten() {
    Uitd disconnected = online();
    disconnected.disconnected(T0.plusSeconds(1), DisconnectReason.IDLE_TIMEOUT, P);
    assertThat(disconnected.offlineDueAt()).isEqualTo(T0.plusSeconds(1).plus(P.offlineTolerance()));
    // A signal after the disconnect clears it: written.
    assertThat(coalesces(disconnected, T0.plusSeconds(2), -200, P)).isFalse();
    // One before it leaves it pending: written too (never coalesced while a disconnect is pending).
    assertThat(coalesces(disconnected, T0.plusMillis(500), -200, P)).isFalse();

    Uitd stored = online();
    Uitd moved = stored.copy();
    moved.boundTo(UnitId.of("U-2"));
    moved.heard(T0.plusSeconds(1), T0.plusSeconds(1), P);
    assertThat(moved.coalesces(stored, P)).isFalse();

    // The drift moved by a second or more.
    assertThat(coalesces(stored, T0.plusSeconds(1), 800, P)).isFalse();
    assertThat(coalesces(stored, T0.plusSeconds(1), 700, P)).isTrue();

    // A clock sync is requested (sync on drift enabled): written.
    Tuning syncing =
        new Tuning(
            TUNING.zone(),
            TUNING.startupGrace(),
            TUNING.pollTimeout(),
            true,
            Duration.ofMillis(100),
            TUNING.syncGap());
    Uitd sync = stored.copy();
    sync.heard(T0.plusSeconds(1), T0.plusSeconds(1), P);
    assertThat(sync.clockDrift(T0.plusSeconds(1).minusMillis(200), T0.plusSeconds(1), T0, syncing))
        .isTrue();
    assertThat(sync.coalesces(stored, P)).isFalse();
  }

  @Test
  void aShorterHeartbeatWindowIsWrittenAtTheNextSignal() {
    Uitd stored = online();
    Policy shorter =
        new Policy(null, null, null, Duration.ofMinutes(2), Duration.ofMinutes(1), null)
            .validated();
    // The deadline computed now is earlier than the stored one: keeping the stored one would
    // detect the device offline late.
    assertThat(coalesces(stored, T0.plusSeconds(1), -200, shorter)).isFalse();
    Policy longer =
        new Policy(null, null, null, Duration.ofMinutes(10), Duration.ofMinutes(1), null)
            .validated();
    assertThat(coalesces(stored, T0.plusSeconds(1), -200, longer)).isFalse();
  }

  @Test
  void aSignalOlderThanTheStoredDriftIsWrittenAsBefore() {
    Uitd stored = online();
    // The drift measured at an earlier time than the stored one: written, as every signal was.
    assertThat(coalesces(stored, T0.minusSeconds(5), -200, P)).isFalse();
  }
}
