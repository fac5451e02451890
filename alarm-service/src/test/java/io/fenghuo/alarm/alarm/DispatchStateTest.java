package io.fenghuo.alarm.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.dispatch.DispatchProgressReported;
import io.fenghuo.contracts.dispatch.ForwardPath;
import io.fenghuo.contracts.dispatch.IncidentForwarded;
import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.contracts.dispatch.IncidentUnacknowledged;
import io.fenghuo.contracts.dispatch.ReceiptReceived;
import io.fenghuo.contracts.dispatch.ReceiptStatus;
import io.fenghuo.contracts.id.AlarmId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The 119 state of an alarm only moves forward, whatever order the feedback arrives in. */
class DispatchStateTest {

  static final AlarmId ALARM = AlarmId.random();
  static final IncidentId INCIDENT = IncidentId.forAlarm(ALARM);
  static final Instant T0 = Instant.parse("2026-11-28T05:22:31Z");

  static IncidentForwarded forwarded(int attempt, Instant at) {
    return new IncidentForwarded(
        ALARM, INCIDENT, null, true, 1, attempt, ForwardPath.KAFKA, at, null);
  }

  static ReceiptReceived receipt(Instant at) {
    return new ReceiptReceived(ALARM, INCIDENT, null, at, at, "d-07", null, null, null);
  }

  static DispatchProgressReported progress(ReceiptStatus stage, Instant at) {
    return new DispatchProgressReported(ALARM, INCIDENT, null, stage, at, at, "d-07", null, null);
  }

  static IncidentUnacknowledged unacknowledged(Instant at) {
    return new IncidentUnacknowledged(ALARM, INCIDENT, null, T0, 2, at, "0571-119", "call");
  }

  @Test
  void aForwardThenSilenceMeansCall119WithTheCentresNumber() {
    DispatchState s = DispatchState.apply(null, forwarded(1, T0));
    assertThat(s.status()).isEqualTo(DispatchState.Status.FORWARDED);
    assertThat(s.mustCall119()).isFalse();

    s = DispatchState.apply(s, forwarded(2, T0.plusSeconds(10)));
    s = DispatchState.apply(s, unacknowledged(T0.plusSeconds(20)));

    assertThat(s.status()).isEqualTo(DispatchState.Status.UNACKNOWLEDGED);
    assertThat(s.mustCall119()).isTrue();
    assertThat(s.centrePhone()).isEqualTo("0571-119");
    assertThat(s.attempts()).isEqualTo(2);
    assertThat(s.forwardedAt()).isEqualTo(T0);
    assertThat(s.lastForwardedAt()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void aLateReceiptEndsTheCallAndProgressNeverGoesBack() {
    DispatchState s = DispatchState.apply(null, unacknowledged(T0.plusSeconds(20)));
    s = DispatchState.apply(s, receipt(T0.plusSeconds(30)));
    assertThat(s.status()).isEqualTo(DispatchState.Status.ACKNOWLEDGED);
    assertThat(s.mustCall119()).isFalse();

    s = DispatchState.apply(s, progress(ReceiptStatus.ARRIVED, T0.plusSeconds(90)));
    s = DispatchState.apply(s, progress(ReceiptStatus.ACCEPTED, T0.plusSeconds(40)));
    s = DispatchState.apply(s, forwarded(3, T0.plusSeconds(95)));

    assertThat(s.status()).isEqualTo(DispatchState.Status.ARRIVED);
    assertThat(s.progressStage()).isEqualTo("ARRIVED");
    assertThat(s.progressAt()).isEqualTo(T0.plusSeconds(90));
    assertThat(s.acknowledgedAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(s.updatedAt()).isEqualTo(T0.plusSeconds(95));
  }

  @Test
  void progressWithoutAnAcknowledgementCountsAsOne() {
    DispatchState s = DispatchState.apply(null, forwarded(1, T0));
    s = DispatchState.apply(s, progress(ReceiptStatus.UNITS_DISPATCHED, T0.plusSeconds(5)));

    assertThat(s.status()).isEqualTo(DispatchState.Status.UNITS_DISPATCHED);
    assertThat(s.acknowledgedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(s.acknowledgedBy()).isEqualTo("d-07");
  }
}
