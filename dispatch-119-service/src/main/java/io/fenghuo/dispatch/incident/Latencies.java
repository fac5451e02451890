package io.fenghuo.dispatch.incident;

import java.time.Duration;

/**
 * The latencies operators' service levels are judged on (port): exported as histograms besides
 * being kept per incident.
 */
public interface Latencies {

  /** The alarm-service's decision (confirmation or unconfirmed forward) → Kafka acknowledged. */
  void confirmationToPublish(boolean confirmed, Duration latency);

  /** This service received the alarm event → Kafka acknowledged: the service's own share. */
  void receiptToPublish(Duration latency);

  /** First publication → first receipt of the 119 centre. */
  void publishToReceipt(Duration latency);

  /** Counts a step (resent, escalated, delivery failed, …). */
  void count(TimelineKind kind);

  /** A latency sink that records nothing, for tests of the domain. */
  static Latencies none() {
    return new Latencies() {
      @Override
      public void confirmationToPublish(boolean confirmed, Duration latency) {}

      @Override
      public void receiptToPublish(Duration latency) {}

      @Override
      public void publishToReceipt(Duration latency) {}

      @Override
      public void count(TimelineKind kind) {}
    };
  }
}
