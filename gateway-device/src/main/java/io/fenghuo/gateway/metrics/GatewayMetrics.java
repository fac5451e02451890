package io.fenghuo.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gateway's Prometheus metrics (issue 4 "Metrics"). Every name starts with {@code
 * fenghuo.gateway.}; tags are low-cardinality (frame type, outcome, reason), never a device.
 */
public final class GatewayMetrics {

  private final MeterRegistry registry;
  private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
  private final Timer confirmLatency;
  private final Timer alarmConfirmLatency;
  private final Timer produceAlarm;
  private final Timer produceBulk;
  private final Timer backPressure;
  private final Timer alarmLoopDelay;

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.confirmLatency =
        Timer.builder("fenghuo.gateway.confirm.latency")
            .description("Frame in to confirm out, uploads that were published")
            .tag("lane", "all")
            .publishPercentileHistogram()
            .register(registry);
    this.alarmConfirmLatency =
        Timer.builder("fenghuo.gateway.confirm.latency")
            .tag("lane", "alarm")
            .publishPercentileHistogram()
            .register(registry);
    this.produceAlarm =
        Timer.builder("fenghuo.gateway.produce.latency")
            .description("Send to Kafka acknowledgement of all signals of a frame")
            .tag("lane", "alarm")
            .publishPercentileHistogram()
            .register(registry);
    this.produceBulk =
        Timer.builder("fenghuo.gateway.produce.latency")
            .tag("lane", "bulk")
            .publishPercentileHistogram()
            .register(registry);
    this.backPressure =
        Timer.builder("fenghuo.gateway.backpressure")
            .description("Periods during which every connection stopped reading")
            .register(registry);
    this.alarmLoopDelay =
        Timer.builder("fenghuo.gateway.loop.delay")
            .description(
                "Kafka's acknowledgement of a fire frame to its confirm on the connection's event"
                    + " loop (the loop's backlog)")
            .tag("lane", "alarm")
            .publishPercentileHistogram()
            .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** A gauge read on scrape. */
  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  /** A frame and what became of it: confirmed, duplicate, coalesced, denied, dropped… */
  public void frame(String type, String outcome) {
    counter("fenghuo.gateway.frames", "type", type, "outcome", outcome).increment();
  }

  /** A deny sent, by reason (a {@code FrameDefect} or a gateway check). */
  public void denied(String reason) {
    counter("fenghuo.gateway.denies", "reason", reason).increment();
  }

  /** Bytes the decoder discarded, by defect. */
  public void decodeError(String defect) {
    counter("fenghuo.gateway.decode.errors", "reason", defect).increment();
  }

  /** A protection limit took effect (connection refused or closed, frame dropped). */
  public void limited(String limit) {
    counter("fenghuo.gateway.protection", "limit", limit).increment();
  }

  /** A frame of a device whose binding names a profile the codec does not know (fallback used). */
  public void unknownProfile(String profile) {
    counter("fenghuo.gateway.profile.unknown", "profile", profile).increment();
  }

  /** A request to the internal command endpoint refused (unauthenticated, replayed, too large). */
  public void internalRejected(String reason) {
    counter("fenghuo.gateway.internal.rejected", "reason", reason).increment();
  }

  public void disconnected(String reason) {
    counter("fenghuo.gateway.disconnects", "reason", reason).increment();
  }

  public void published(String lane, String outcome) {
    counter("fenghuo.gateway.publishes", "lane", lane, "outcome", outcome).increment();
  }

  public void command(String kind, String outcome) {
    counter("fenghuo.gateway.commands", "kind", kind, "outcome", outcome).increment();
  }

  public void confirmed(boolean alarm, long nanos) {
    confirmLatency.record(nanos, TimeUnit.NANOSECONDS);
    if (alarm) {
      alarmConfirmLatency.record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  public void produced(boolean alarm, long nanos) {
    (alarm ? produceAlarm : produceBulk).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Kafka acknowledged a fire frame; its confirm ran on the event loop this much later. */
  public void alarmLoopDelay(long nanos) {
    alarmLoopDelay.record(nanos, TimeUnit.NANOSECONDS);
  }

  public void backPressure(Duration paused) {
    backPressure.record(paused);
  }

  /** A counter's current value, for tests and the README's numbers. */
  public double count(String name, String... tags) {
    Counter c = registry.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  public Timer alarmConfirmLatency() {
    return alarmConfirmLatency;
  }

  private Counter counter(String name, String... tags) {
    String key = name + String.join(",", tags);
    return counters.computeIfAbsent(key, k -> Counter.builder(name).tags(tags).register(registry));
  }
}
