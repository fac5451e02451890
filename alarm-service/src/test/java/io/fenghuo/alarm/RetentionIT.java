package io.fenghuo.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.alarm.alarm.persistence.AlarmRetention;
import io.fenghuo.alarm.support.RunningService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Alarm records are kept at least a year, and the audit cannot be edited. */
class RetentionIT extends RunningService {

  @Autowired AlarmRetention retention;

  @Test
  void dropsOnlyMonthsOlderThanTheRetentionAndKeepsTheLastYear() {
    LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    LocalDate old = thisMonth.minusMonths(15);
    LocalDate recent = thisMonth.minusMonths(11);
    UUID oldAlarm = anAlarmOpenedIn(old);
    UUID recentAlarm = anAlarmOpenedIn(recent);

    var dropped = retention.apply(Instant.now());

    assertThat(dropped)
        .contains(String.format("alarm_p%d_%02d", old.getYear(), old.getMonthValue()));
    assertThat(count(oldAlarm)).isZero();
    assertThat(count(recentAlarm)).isEqualTo(1);
    assertThat(
            jdbc.sql("select to_regclass(?) is not null")
                .param(
                    String.format(
                        "alarm_p%d_%02d",
                        thisMonth.plusMonths(3).getYear(), thisMonth.plusMonths(3).getMonthValue()))
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void aRetentionBelowOneYearIsRefused() {
    assertThatThrownBy(() -> new AlarmRetention(jdbc, Duration.ofDays(300)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minimum of 365 days");
  }

  @Test
  void timelineRowsCannotBeChangedOrDeleted() {
    UUID alarm = anAlarmOpenedIn(LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1));
    jdbc.sql(
            "insert into alarm_timeline (alarm_id, opened_at, at, actor, kind) select id,"
                + " opened_at, now(), 'system', 'RAISED' from alarm where id = ?")
        .param(alarm)
        .update();

    assertThatThrownBy(
            () ->
                jdbc.sql("update alarm_timeline set actor = 'someone' where alarm_id = ?")
                    .param(alarm)
                    .update())
        .hasMessageContaining("immutable");
    assertThatThrownBy(
            () -> jdbc.sql("delete from alarm_timeline where alarm_id = ?").param(alarm).update())
        .hasMessageContaining("immutable");
  }

  private UUID anAlarmOpenedIn(LocalDate month) {
    jdbc.sql("select alarm_ensure_month(?)").param(month).query().singleRow();
    UUID id = UUID.randomUUID();
    Instant at = month.plusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC);
    jdbc.sql(
            "insert into alarm (id, opened_at, operator, device, group_key, category,"
                + " human_initiated, maintenance_window, state, first_alert_at, last_point_at,"
                + " point_count, first_signal_id, first_point_key) values (?, ?, 'ret-it',"
                + " '0140609623b2', 'g', 'FIRE', false, false, 'DISMISSED', ?, ?, 1, 's', 'k')")
        .params(
            id,
            java.sql.Timestamp.from(at),
            java.sql.Timestamp.from(at),
            java.sql.Timestamp.from(at))
        .update();
    return id;
  }

  private long count(UUID id) {
    return jdbc.sql("select count(*) from alarm where id = ?").param(id).query(Long.class).single();
  }
}
