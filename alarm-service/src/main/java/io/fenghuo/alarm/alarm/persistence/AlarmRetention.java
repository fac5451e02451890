package io.fenghuo.alarm.alarm.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every alarm record at least a year (GB 50440): creates the monthly partitions of the alarm
 * tables ahead of time, and drops a month only when all of it is older than the retention, which is
 * never below 365 days.
 */
@Component
public class AlarmRetention {

  /** The legal minimum. */
  public static final Duration MINIMUM = Duration.ofDays(365);

  private static final Logger log = LoggerFactory.getLogger(AlarmRetention.class);
  private static final Pattern MONTH = Pattern.compile(".*_p(\\d{4})_(\\d{2})");

  private final JdbcClient jdbc;
  private final Duration keep;

  /**
   * @throws IllegalArgumentException if {@code keep} is below {@link #MINIMUM}
   */
  public AlarmRetention(
      JdbcClient jdbc, @Value("${fenghuo.alarm.retention.keep:400d}") Duration keep) {
    if (keep.compareTo(MINIMUM) < 0) {
      throw new IllegalArgumentException(
          "fenghuo.alarm.retention.keep=" + keep + " is below the minimum of 365 days (GB 50440)");
    }
    this.jdbc = jdbc;
    this.keep = keep;
  }

  /** Runs the job: partitions three months ahead, old months dropped. */
  @Scheduled(cron = "${fenghuo.alarm.retention.cron:0 17 3 * * *}")
  public void run() {
    List<String> dropped = apply(Instant.now());
    if (!dropped.isEmpty()) {
      log.info("retention dropped partitions {}", dropped);
    }
  }

  /**
   * Creates the partitions from last month to three months ahead of {@code now}, and drops the
   * monthly partitions that ended more than the retention before {@code now}.
   *
   * @return the dropped partitions
   */
  public List<String> apply(Instant now) {
    LocalDate month = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
    for (int m = -1; m <= 3; m++) {
      jdbc.sql("select alarm_ensure_month(?)").param(month.plusMonths(m)).query().singleRow();
    }
    Instant cutoff = now.minus(keep);
    List<String> dropped = new ArrayList<>();
    List<String> partitions =
        jdbc.sql(
                "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                    + " join pg_class p on p.oid = i.inhparent join pg_namespace n on n.oid ="
                    + " p.relnamespace where n.nspname = current_schema() and p.relname in"
                    + " ('alarm', 'alarm_point', 'alarm_call', 'alarm_timeline') order by 1")
            .query(String.class)
            .list();
    for (String partition : partitions) {
      Matcher matcher = MONTH.matcher(partition);
      if (!matcher.matches()) {
        continue;
      }
      LocalDate end =
          LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), 1)
              .plusMonths(1);
      if (!end.atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(cutoff)) {
        jdbc.sql("drop table " + partition).update();
        dropped.add(partition);
      }
    }
    // The 119 state of an alarm goes with the alarm's month.
    if (!dropped.isEmpty()) {
      jdbc.sql(
              "delete from alarm_dispatch d where not exists (select 1 from alarm a where a.id ="
                  + " d.alarm_id and a.opened_at = d.opened_at)")
          .update();
    }
    return dropped;
  }
}
