package io.fenghuo.contracts.dispatch;

import java.time.Instant;
import java.util.Objects;

/**
 * The daily communication test between the monitoring platform and the 119 command centre (GB 50440
 * §8: one test a day), on {@code fire.119.incident}, keyed by the test id. The centre answers it
 * like an incident: a {@link ReceiptIssued} with status {@code ACKNOWLEDGED} and {@code incidentId}
 * = the test id. No answer in time is a failed test and raises an alert.
 *
 * @param testId the test; never null
 * @param sentAt when it was sent; never null
 */
public record CommunicationTestSent(IncidentId testId, Instant sentAt) implements IncidentEvent {

  /**
   * @throws NullPointerException if a field is null
   */
  public CommunicationTestSent {
    Objects.requireNonNull(testId, "testId");
    Objects.requireNonNull(sentAt, "sentAt");
  }

  @Override
  public String key() {
    return testId.toString();
  }
}
