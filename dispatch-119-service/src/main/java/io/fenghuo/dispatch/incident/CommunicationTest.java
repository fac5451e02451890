package io.fenghuo.dispatch.incident;

import io.fenghuo.contracts.dispatch.IncidentId;
import java.time.Instant;
import java.util.Objects;

/**
 * One communication test between the platform and the 119 centre (GB 50440 §8: one a day), with how
 * each path fared.
 *
 * @param id the test id (the key of its records); never null
 * @param trigger SCHEDULE or MANUAL; never null
 * @param requestedBy who started a manual test, or null
 * @param startedAt when it started; never null
 * @param deadline when it fails without an answer; never null
 * @param status PENDING, PASSED or FAILED; never null
 * @param kafkaSentAt when Kafka acknowledged the test record, or null
 * @param webhookResult the webhook's outcome ({@code delivered …}, {@code failed …}), or null when
 *     the webhook path is off or pending
 * @param answeredAt when the centre's receipt arrived, or null
 * @param answeredBy who at the centre answered, or null
 * @param failedAt when it was declared failed, or null
 * @param detail why it failed, or null
 */
public record CommunicationTest(
    IncidentId id,
    String trigger,
    String requestedBy,
    Instant startedAt,
    Instant deadline,
    Status status,
    Instant kafkaSentAt,
    String webhookResult,
    Instant answeredAt,
    String answeredBy,
    Instant failedAt,
    String detail) {

  /** Outcome of a test. */
  public enum Status {
    PENDING,
    PASSED,
    FAILED
  }

  public CommunicationTest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(status, "status");
  }

  CommunicationTest answered(Instant at, String by) {
    return new CommunicationTest(
        id,
        trigger,
        requestedBy,
        startedAt,
        deadline,
        Status.PASSED,
        kafkaSentAt,
        webhookResult,
        at,
        by,
        failedAt,
        detail);
  }

  CommunicationTest failed(Instant at, String why) {
    return new CommunicationTest(
        id,
        trigger,
        requestedBy,
        startedAt,
        deadline,
        Status.FAILED,
        kafkaSentAt,
        webhookResult,
        answeredAt,
        answeredBy,
        at,
        why);
  }

  CommunicationTest sentOnKafka(Instant at) {
    return new CommunicationTest(
        id,
        trigger,
        requestedBy,
        startedAt,
        deadline,
        status,
        kafkaSentAt == null ? at : kafkaSentAt,
        webhookResult,
        answeredAt,
        answeredBy,
        failedAt,
        detail);
  }

  CommunicationTest webhook(String result) {
    return new CommunicationTest(
        id,
        trigger,
        requestedBy,
        startedAt,
        deadline,
        status,
        kafkaSentAt,
        result,
        answeredAt,
        answeredBy,
        failedAt,
        detail);
  }
}
