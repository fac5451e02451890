package io.fenghuo.inspection.inspection.persistence;

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
 * Keeps every facility status record at least a year (GB 50440 3.0.2): creates the monthly
 * partitions of the status history and the poll records ahead of time, drops a month only when all
 * of it is older than the retention (never below 365 days), and deletes fault records closed longer
 * ago than the retention.
 */
@Component
public class InspectionRetention {

  /** The legal minimum. */
  public static final Duration MINIMUM = Duration.ofDays(365);

  private static final Logger log = LoggerFactory.getLogger(InspectionRetention.class);
  private static final Pattern MONTH = Pattern.compile(".*_p(\\d{4})_(\\d{2})");

  private final JdbcClient jdbc;
  private final Duration keep;

  /**
   * @throws IllegalArgumentException if {@code keep} is below {@link #MINIMUM}
   */
  public InspectionRetention(
      JdbcClient jdbc, @Value("${fenghuo.inspection.retention.keep:400d}") Duration keep) {
    if (keep.compareTo(MINIMUM) < 0) {
      throw new IllegalArgumentException(
          "fenghuo.inspection.retention.keep="
              + keep
              + " is below the minimum of 365 days (GB 50440)");
    }
    this.jdbc = jdbc;
    this.keep = keep;
  }

  /** Runs the job. */
  @Scheduled(cron = "${fenghuo.inspection.retention.cron:0 27 3 * * *}")
  public void run() {
    List<String> dropped = apply(Instant.now());
    if (!dropped.isEmpty()) {
      log.info("retention dropped partitions {}", dropped);
    }
  }

  /**
   * Creates the partitions from last month to three months ahead of {@code now}, drops the monthly
   * partitions that ended more than the retention before {@code now}, and deletes the fault records
   * closed before the retention.
   *
   * @return the dropped partitions
   */
  public List<String> apply(Instant now) {
    LocalDate month = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
    for (int m = -1; m <= 3; m++) {
      jdbc.sql("select inspection_ensure_month(?)").param(month.plusMonths(m)).query().singleRow();
    }
    Instant cutoff = now.minus(keep);
    List<String> dropped = new ArrayList<>();
    List<String> partitions =
        jdbc.sql(
                "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                    + " join pg_class p on p.oid = i.inhparent join pg_namespace n on n.oid ="
                    + " p.relnamespace where n.nspname = current_schema() and p.relname in"
                    + " ('status_history', 'poll') order by 1")
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
    jdbc.sql("delete from fault where closed_at < ?").param(Sql.ts(cutoff)).update();
    return dropped;
  }
}
