package io.fenghuo.dispatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.alarm.AlarmForwardedUnconfirmed;
import io.fenghuo.contracts.alarm.ConfirmationMethod;
import io.fenghuo.contracts.alarm.EscalationReason;
import io.fenghuo.contracts.alarm.FireReport;
import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.OperatorId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The incident's rules, without Spring or a database. */
class IncidentTest {

  private static final OperatorId OP_A = OperatorId.of("op-a");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Instant T0 = Instant.parse("2026-11-28T05:22:31Z");
  private final AlarmId alarm = AlarmId.random();

  private AlarmConfirmed confirmedAt(Instant at) {
    return new AlarmConfirmed(
        alarm,
        null,
        "op-a.zhang",
        false,
        at.minusSeconds(60),
        at,
        null,
        ConfirmationMethod.PHONE_CONFIRMED,
        FireReport.unknown());
  }

  @Test
  void oneAlarmIsAlwaysTheSameIncident() {
    assertThat(IncidentId.forAlarm(alarm)).isEqualTo(IncidentId.forAlarm(alarm));
    assertThat(IncidentId.forAlarm(alarm)).isNotEqualTo(IncidentId.forAlarm(AlarmId.random()));
  }

  @Test
  void theFirstKafkaAcknowledgementFixesTheConfirmationToPublishLatency() {
    Incident incident = Incident.confirmed(OP_A, confirmedAt(T0), T0.plusMillis(5), TIMEOUT);

    Incident published = incident.published(1, T0.plusMillis(42));
    Incident again = published.published(1, T0.plusMillis(900));

    assertThat(published.confirmToPublishMillis()).isEqualTo(42);
    assertThat(published.firstSentAt()).isEqualTo(T0.plusMillis(42));
    assertThat(again).isSameAs(published);
  }

  @Test
  void aReceiptStopsTheTimerAndMeasuresPublishToReceipt() {
    Incident incident =
        Incident.confirmed(OP_A, confirmedAt(T0), T0, TIMEOUT).published(1, T0.plusMillis(10));

    Incident acked = incident.receipt(IncidentStatus.ACKNOWLEDGED, T0.plusMillis(1510));
    Incident progressed = acked.receipt(IncidentStatus.UNITS_DISPATCHED, T0.plusSeconds(90));
    Incident late = progressed.receipt(IncidentStatus.ACKNOWLEDGED, T0.plusSeconds(95));

    assertThat(acked.ackDeadline()).isNull();
    assertThat(acked.publishToReceiptMillis()).isEqualTo(1500);
    assertThat(progressed.status()).isEqualTo(IncidentStatus.UNITS_DISPATCHED);
    assertThat(late.status()).isEqualTo(IncidentStatus.UNITS_DISPATCHED);
    assertThat(late.acknowledgedAt()).isEqualTo(T0.plusMillis(1510));
  }

  @Test
  void aConfirmationAfterAnUnconfirmedForwardIsTheNextRevisionSentAfresh() {
    var forward =
        new AlarmForwardedUnconfirmed(
            alarm,
            null,
            false,
            EscalationReason.NOT_CLAIMED,
            false,
            T0.minusSeconds(60),
            T0,
            FireReport.unknown());
    Incident unconfirmed =
        Incident.unconfirmed(OP_A, forward, T0, TIMEOUT).published(1, T0.plusMillis(20));

    Incident confirmed =
        unconfirmed.confirm(confirmedAt(T0.plusSeconds(30)), T0.plusSeconds(30), TIMEOUT);

    assertThat(confirmed.confirmed()).isTrue();
    assertThat(confirmed.revision()).isEqualTo(2);
    assertThat(confirmed.attempt()).isEqualTo(1);
    assertThat(confirmed.unconfirmedReason()).isNull();
    assertThat(confirmed.publishedAt()).isNull();
    assertThat(confirmed.firstSentAt()).isEqualTo(T0.plusMillis(20));
    assertThat(confirmed.ackDeadline()).isEqualTo(T0.plusSeconds(40));
    assertThat(confirmed.toReport(T0.plusSeconds(30)).confirmed()).isTrue();
  }

  @Test
  void aWithdrawalIsTheLastRevisionAndLaterReceiptsDoNotReopenIt() {
    var forward =
        new AlarmForwardedUnconfirmed(
            alarm,
            null,
            false,
            EscalationReason.NOT_CLAIMED,
            false,
            T0.minusSeconds(60),
            T0,
            FireReport.unknown());
    Incident withdrawn = Incident.unconfirmed(OP_A, forward, T0, TIMEOUT).withdraw();

    Incident acked = withdrawn.receipt(IncidentStatus.ACKNOWLEDGED, T0.plusSeconds(5));

    assertThat(withdrawn.revision()).isEqualTo(2);
    assertThat(withdrawn.ackDeadline()).isNull();
    assertThat(acked.status()).isEqualTo(IncidentStatus.WITHDRAWN);
  }

  @Test
  void aResendCountsTheAttemptAndEscalationStopsTheTimer() {
    Incident incident = Incident.confirmed(OP_A, confirmedAt(T0), T0, TIMEOUT);

    Incident resent = incident.resend(T0.plusSeconds(10), TIMEOUT);
    Incident escalated = resent.escalate(T0.plusSeconds(20));

    assertThat(resent.attempt()).isEqualTo(2);
    assertThat(resent.ackDeadline()).isEqualTo(T0.plusSeconds(20));
    assertThat(resent.toReport(T0.plusSeconds(10)).attempt()).isEqualTo(2);
    assertThat(escalated.escalatedAt()).isEqualTo(T0.plusSeconds(20));
    assertThat(escalated.ackDeadline()).isNull();
  }
}
