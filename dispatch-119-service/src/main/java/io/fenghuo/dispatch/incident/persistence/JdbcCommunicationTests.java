package io.fenghuo.dispatch.incident.persistence;

import static io.fenghuo.dispatch.incident.persistence.JdbcIncidents.instant;
import static io.fenghuo.dispatch.incident.persistence.JdbcIncidents.ts;

import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.dispatch.incident.CommunicationTest;
import io.fenghuo.dispatch.incident.CommunicationTests;
import io.fenghuo.dispatch.incident.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Communication tests in PostgreSQL. */
@Component
class JdbcCommunicationTests implements CommunicationTests {

  private static final String COLUMNS =
      "id, trigger, requested_by, started_at, deadline, status, kafka_sent_at, webhook_result,"
          + " answered_at, answered_by, failed_at, detail";

  private final JdbcClient jdbc;

  JdbcCommunicationTests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(CommunicationTest t) {
    jdbc.sql(
            "insert into communication_test ("
                + COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            t.id().value(),
            t.trigger(),
            t.requestedBy(),
            ts(t.startedAt()),
            ts(t.deadline()),
            t.status().name(),
            ts(t.kafkaSentAt()),
            t.webhookResult(),
            ts(t.answeredAt()),
            t.answeredBy(),
            ts(t.failedAt()),
            t.detail())
        .update();
  }

  @Override
  public void update(CommunicationTest t) {
    jdbc.sql(
            "update communication_test set status = ?, kafka_sent_at = ?, webhook_result = ?,"
                + " answered_at = ?, answered_by = ?, failed_at = ?, detail = ? where id = ?")
        .params(
            t.status().name(),
            ts(t.kafkaSentAt()),
            t.webhookResult(),
            ts(t.answeredAt()),
            t.answeredBy(),
            ts(t.failedAt()),
            t.detail(),
            t.id().value())
        .update();
  }

  @Override
  public Optional<CommunicationTest> lock(IncidentId id) {
    return jdbc.sql("select " + COLUMNS + " from communication_test where id = ? for update")
        .param(id.value())
        .query(JdbcCommunicationTests::test)
        .optional();
  }

  @Override
  public List<CommunicationTest> lockOverdue(Instant now) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from communication_test where status = 'PENDING' and deadline <= ?"
                + " for update skip locked")
        .param(ts(now))
        .query(JdbcCommunicationTests::test)
        .list();
  }

  @Override
  public boolean startedSince(Instant since) {
    return jdbc.sql("select count(*) from communication_test where started_at >= ?")
            .param(ts(since))
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public Page<CommunicationTest> page(int page, int size) {
    long total = jdbc.sql("select count(*) from communication_test").query(Long.class).single();
    List<CommunicationTest> items =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from communication_test order by started_at desc, id limit ? offset ?")
            .params(size, (long) page * size)
            .query(JdbcCommunicationTests::test)
            .list();
    return new Page<>(items, page, size, total);
  }

  private static CommunicationTest test(ResultSet rs, int row) throws SQLException {
    return new CommunicationTest(
        new IncidentId(rs.getObject("id", UUID.class)),
        rs.getString("trigger"),
        rs.getString("requested_by"),
        instant(rs, "started_at"),
        instant(rs, "deadline"),
        CommunicationTest.Status.valueOf(rs.getString("status")),
        instant(rs, "kafka_sent_at"),
        rs.getString("webhook_result"),
        instant(rs, "answered_at"),
        rs.getString("answered_by"),
        instant(rs, "failed_at"),
        rs.getString("detail"));
  }
}
