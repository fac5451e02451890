package io.fenghuo.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.inspection.inspection.persistence.InspectionRetention;
import io.fenghuo.inspection.support.RunningService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Facility status records are kept at least a year (GB 50440), older months are dropped. */
class RetentionIT extends RunningService {

  @Autowired InspectionRetention retention;

  @Test
  void dropsOnlyMonthsOlderThanTheRetentionAndKeepsTheLastYear() {
    LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    LocalDate old = thisMonth.minusMonths(15);
    LocalDate recent = thisMonth.minusMonths(11);
    String oldSignal = historyIn(old);
    String recentSignal = historyIn(recent);
    UUID oldFault = closedFaultIn(old);
    UUID recentFault = closedFaultIn(recent);

    var dropped = retention.apply(Instant.now());

    assertThat(dropped)
        .contains(
            String.format("status_history_p%d_%02d", old.getYear(), old.getMonthValue()),
            String.format("poll_p%d_%02d", old.getYear(), old.getMonthValue()));
    assertThat(history(oldSignal)).isZero();
    assertThat(history(recentSignal)).isEqualTo(1);
    assertThat(faults(oldFault)).isZero();
    assertThat(faults(recentFault)).isEqualTo(1);
    LocalDate ahead = thisMonth.plusMonths(3);
    assertThat(
            jdbc.sql("select to_regclass(?) is not null")
                .param(
                    String.format(
                        "status_history_p%d_%02d", ahead.getYear(), ahead.getMonthValue()))
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void aRetentionBelowOneYearIsRefused() {
    assertThatThrownBy(() -> new InspectionRetention(jdbc, Duration.ofDays(300)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minimum of 365 days");
  }

  private String historyIn(LocalDate month) {
    jdbc.sql("select inspection_ensure_month(?)").param(month).query().singleRow();
    String signal = UUID.randomUUID().toString();
    Timestamp at = Timestamp.from(month.plusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC));
    jdbc.sql(
            "insert into status_history (received_at, operator, device, object_key, entry,"
                + " recorded_at, signal_id) values (?, 'ret-it', '0140609623b2', 'U', 'STATE', ?,"
                + " ?)")
        .params(at, at, signal)
        .update();
    return signal;
  }

  private UUID closedFaultIn(LocalDate month) {
    UUID id = UUID.randomUUID();
    Timestamp at = Timestamp.from(month.plusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC));
    jdbc.sql(
            "insert into fault (id, operator, device, kind, object_key, opened_at, closed_at)"
                + " values (?, 'ret-it', '0140609623b2', 'UITD_FAULT', 'U', ?, ?)")
        .params(id, at, at)
        .update();
    return id;
  }

  private long history(String signal) {
    return jdbc.sql("select count(*) from status_history where signal_id = ?")
        .param(signal)
        .query(Long.class)
        .single();
  }

  private long faults(UUID id) {
    return jdbc.sql("select count(*) from fault where id = ?").param(id).query(Long.class).single();
  }
}
