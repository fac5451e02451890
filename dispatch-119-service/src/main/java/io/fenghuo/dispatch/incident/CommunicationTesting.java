package io.fenghuo.dispatch.incident;

import io.fenghuo.contracts.dispatch.CommunicationTestSent;
import io.fenghuo.contracts.dispatch.ForwardPath;
import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.contracts.dispatch.ReceiptIssued;
import io.fenghuo.contracts.dispatch.ReceiptStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The daily communication test with the 119 centre (GB 50440 §8): sent on both paths like an
 * incident, answered by the centre like an incident, recorded, and alerted on when no answer comes
 * in time.
 */
public final class CommunicationTesting {

  private final CommunicationTests tests;
  private final Outbound outbound;
  private final Transactions transactions;
  private final Alerts alerts;
  private final Duration timeout;
  private final String centreName;
  private final Clock clock;

  public CommunicationTesting(
      CommunicationTests tests,
      Outbound outbound,
      Transactions transactions,
      Alerts alerts,
      Duration timeout,
      String centreName,
      Clock clock) {
    this.tests = Objects.requireNonNull(tests, "tests");
    this.outbound = Objects.requireNonNull(outbound, "outbound");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.centreName = centreName;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The scheduled daily test; skipped if any test started within the last hour (another instance
   * ran it, or someone ran one by hand).
   *
   * @return the test, or null if skipped
   */
  public CommunicationTest scheduled() {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () ->
            tests.startedSince(now.minus(Duration.ofHours(1)))
                ? null
                : start(now, "SCHEDULE", null));
  }

  /**
   * A test started by hand (dispatcher or administrator).
   *
   * @throws DispatchException.Forbidden if the caller does not act for the centre
   */
  public CommunicationTest manual(Access access, String by) {
    access.requireCentre();
    Instant now = clock.instant();
    return transactions.inTransaction(() -> start(now, "MANUAL", by));
  }

  private CommunicationTest start(Instant now, String trigger, String by) {
    CommunicationTest test =
        new CommunicationTest(
            new IncidentId(UUID.randomUUID()),
            trigger,
            by,
            now,
            now.plus(timeout),
            CommunicationTest.Status.PENDING,
            null,
            null,
            null,
            null,
            null,
            null);
    tests.insert(test);
    outbound.toCentre(new CommunicationTestSent(test.id(), now));
    return test;
  }

  /**
   * A receipt that answers no incident: if it answers a test, the test passes.
   *
   * @return whether it answered a test
   */
  public boolean receipt(ReceiptIssued receipt) {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () ->
            tests
                .lock(receipt.incidentId())
                .map(
                    test -> {
                      if (test.status() != CommunicationTest.Status.PASSED) {
                        CommunicationTest passed = test.answered(now, receipt.dispatcher());
                        tests.update(passed);
                        alerts.communicationTestPassed(passed);
                      }
                      return true;
                    })
                .orElse(false));
  }

  /** A path took the test record, or failed to. */
  public void path(IncidentId id, ForwardPath path, boolean ok, String detail, Instant at) {
    transactions.inTransaction(
        () -> {
          tests
              .lock(id)
              .ifPresent(
                  test ->
                      tests.update(
                          path == ForwardPath.KAFKA
                              ? (ok ? test.sentOnKafka(at) : test)
                              : test.webhook((ok ? "delivered " : "failed ") + detail)));
          return null;
        });
  }

  /**
   * A dispatcher answers a test from the terminal: the receipt goes out on {@code fire.119.receipt}
   * like any centre's.
   *
   * @throws DispatchException.NotFound if there is no such test
   */
  public ReceiptIssued acknowledge(Access access, IncidentId id, String dispatcher) {
    access.requireCentre();
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> {
          tests
              .lock(id)
              .orElseThrow(
                  () -> new DispatchException.NotFound("communication test " + id + " not found"));
          ReceiptIssued receipt =
              new ReceiptIssued(
                  id, ReceiptStatus.ACKNOWLEDGED, now, null, dispatcher, centreName, "通信测试");
          outbound.receipt(receipt);
          return receipt;
        });
  }

  /**
   * Fails the pending tests past their deadline and alerts.
   *
   * @return how many failed
   */
  public int checkOverdue() {
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> {
          var overdue = tests.lockOverdue(now);
          for (CommunicationTest test : overdue) {
            CommunicationTest failed =
                test.failed(
                    now,
                    "no receipt of the 119 centre within "
                        + timeout.toSeconds()
                        + " s"
                        + (test.kafkaSentAt() == null ? "; Kafka never took the test record" : ""));
            tests.update(failed);
            alerts.communicationTestFailed(failed);
          }
          return overdue.size();
        });
  }

  /** The record of tests, newest first. */
  public Page<CommunicationTest> history(Access access, int page, int size) {
    access.requireRead();
    if (access.operatorScope() != null) {
      throw new DispatchException.Forbidden(
          "communication tests are between the platform and 119; operators do not see them");
    }
    if (page < 0 || size < 1 || size > 200) {
      throw new DispatchException.Invalid("size", "page from 0, size between 1 and 200");
    }
    return transactions.inTransaction(() -> tests.page(page, size));
  }
}
