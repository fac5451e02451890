package io.fenghuo.bench.platform;

import io.fenghuo.bench.report.BenchResult;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The fires of one phase: latencies of those seen, and what was not seen or too slow. */
final class FireStats {

  /** GB 50440: a fire alarm must reach the monitoring centre within 20 s of the device. */
  static final long LIMIT_MICROS = 20_000_000;

  final String name;
  final Histogram micros = new Histogram(3_600_000_000L, 3);
  final Histogram confirmMicros = new Histogram(3_600_000_000L, 3);
  final List<FireProbe.Fire> fires = new ArrayList<>();
  boolean cutShort;

  FireStats(String name) {
    this.name = name;
  }

  void add(FireProbe.Fire fire) {
    fires.add(fire);
    if (fire.seen()) {
      micros.recordValue(fire.micros());
    }
    if (fire.confirmMicros() >= 0) {
      confirmMicros.recordValue(fire.confirmMicros());
    }
  }

  long sent() {
    return fires.size();
  }

  long seen() {
    return fires.stream().filter(FireProbe.Fire::seen).count();
  }

  long overLimit() {
    return fires.stream().filter(f -> f.seen() && f.micros() > LIMIT_MICROS).count();
  }

  /** Adds the phase's figures: latency percentiles, share seen, fires over 20 s. */
  void report(BenchResult result, String meaning) {
    result.latency(name, micros, meaning);
    result.metric(
        name + ".seen",
        sent() == 0 ? 0 : 100.0 * seen() / sent(),
        "%",
        "share of the " + sent() + " fires whose new-alarm line arrived on the console's stream");
    result.metric(
        name + ".over-20s",
        overLimit(),
        "",
        "fires seen later than GB 50440's 20 s (device → centre); unseen fires count as well: "
            + (sent() - seen()));
    result.latency(
        name + ".device-confirm",
        confirmMicros,
        "the same fires: frame sent → the gateway's confirm back at the UITD (after Kafka"
            + " acks=all), as the simulated device measured it: from the frame's first send on"
            + " the connection that confirmed it");
    result.metric(
        name + ".retransmitted",
        fires.stream().filter(f -> f.retransmissions() > 0).count(),
        "",
        "fires the UITD had to send again (no confirm within 10 s, GB/T 26875.3 §6.5)");
    result.metric(
        name + ".device-unconfirmed",
        deviceUnconfirmed(),
        "",
        "fires whose upload the gateway had not confirmed to the UITD (after Kafka acks=all) by the"
            + " time its line was seen + 40 s");
  }

  long deviceUnconfirmed() {
    return fires.stream().filter(f -> !f.deviceConfirmed()).count();
  }

  /** Ordered by send time, one line per fire over the limit or unseen (for the notes). */
  List<String> exceptions() {
    return fires.stream()
        .filter(f -> !f.seen() || f.micros() > LIMIT_MICROS)
        .map(
            f ->
                name
                    + ": fire of "
                    + f.unit()
                    + " sent "
                    + f.sentAt()
                    + (f.seen() ? " seen after " + f.micros() / 1000 + " ms" : " never seen")
                    + (f.confirmMicros() >= 0
                        ? ", confirmed to the UITD after " + f.confirmMicros() / 1000 + " ms"
                        : ", not confirmed to the UITD")
                    + ", "
                    + f.retransmissions()
                    + " retransmission(s)")
        .toList();
  }
}
