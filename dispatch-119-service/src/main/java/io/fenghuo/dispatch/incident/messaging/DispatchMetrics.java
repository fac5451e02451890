package io.fenghuo.dispatch.incident.messaging;

import io.fenghuo.dispatch.incident.Alerts;
import io.fenghuo.dispatch.incident.CommunicationTest;
import io.fenghuo.dispatch.incident.Latencies;
import io.fenghuo.dispatch.incident.TimelineKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The latencies as Micrometer timers with percentile histograms (Prometheus {@code _bucket} series,
 * with the GB 50440 3 s limit and the 100 ms aim as service-level buckets), step counters, and the
 * communication-test alert: an ERROR log, a counter and a gauge that is 1 while the last test
 * failed.
 */
@Component
class DispatchMetrics implements Latencies, Alerts {

  private static final Logger log = LoggerFactory.getLogger(DispatchMetrics.class);

  private final MeterRegistry meters;
  private final Timer confirmedToPublish;
  private final Timer unconfirmedToPublish;
  private final Timer receivedToPublish;
  private final Timer publishToReceipt;
  private final AtomicInteger testFailing = new AtomicInteger();

  DispatchMetrics(MeterRegistry meters) {
    this.meters = meters;
    this.confirmedToPublish = timer("fenghuo.dispatch.confirmation.to.publish", "true");
    this.unconfirmedToPublish = timer("fenghuo.dispatch.confirmation.to.publish", "false");
    this.receivedToPublish =
        histogram(Timer.builder("fenghuo.dispatch.received.to.publish"))
            .description("This service's share: alarm event received → Kafka acknowledged")
            .register(meters);
    this.publishToReceipt =
        Timer.builder("fenghuo.dispatch.publish.to.receipt")
            .description("Incident first published → first receipt of the 119 centre")
            .publishPercentileHistogram()
            .register(meters);
    meters.gauge("fenghuo.dispatch.communication.test.failing", testFailing);
  }

  private Timer timer(String name, String confirmed) {
    return histogram(Timer.builder(name))
        .description("Alarm confirmed (or forwarded unconfirmed) → incident acknowledged by Kafka")
        .tag("confirmed", confirmed)
        .register(meters);
  }

  private static Timer.Builder histogram(Timer.Builder builder) {
    return builder
        .publishPercentileHistogram()
        .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(3))
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30));
  }

  @Override
  public void confirmationToPublish(boolean confirmed, Duration latency) {
    (confirmed ? confirmedToPublish : unconfirmedToPublish).record(latency);
  }

  @Override
  public void receiptToPublish(Duration latency) {
    receivedToPublish.record(latency);
  }

  @Override
  public void publishToReceipt(Duration latency) {
    publishToReceipt.record(latency);
  }

  @Override
  public void count(TimelineKind kind) {
    meters.counter("fenghuo.dispatch.incident.steps", "kind", kind.name()).increment();
  }

  @Override
  public void communicationTestFailed(CommunicationTest test) {
    testFailing.set(1);
    meters.counter("fenghuo.dispatch.communication.tests", "result", "failed").increment();
    log.error(
        "ALERT: communication test {} with the 119 centre failed: {}", test.id(), test.detail());
  }

  @Override
  public void communicationTestPassed(CommunicationTest test) {
    testFailing.set(0);
    meters.counter("fenghuo.dispatch.communication.tests", "result", "passed").increment();
  }
}
