package io.fenghuo.simulator.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A machine-readable snapshot of what a fleet did ({@link #toJson()}), plus a short human summary
 * ({@link #toHumanSummary()}). Every upload counted in {@code sent} is a first transmission; {@code
 * retransmissions} counts the repeats (§6.5).
 *
 * @param phase {@code "progress"} (periodic) or {@code "final"}
 * @param elapsedSeconds since the fleet started
 * @param devices devices in the fleet
 * @param connections connection attempts and outcomes
 * @param uploads uploads sent, confirmed, failed
 * @param downlinks commands and reads received from the centre and answered
 * @param anomalies replies nobody waited for, rejected frames, write failures
 * @param uploadToConfirmMillis latency from first transmission to confirm
 * @param connectMillis TCP connect latency
 * @param failures details of the first {@value SimulatorMetrics#MAX_FAILURE_DETAILS} failures
 */
public record Report(
    String phase,
    double elapsedSeconds,
    int devices,
    Connections connections,
    Uploads uploads,
    Downlinks downlinks,
    Anomalies anomalies,
    Latency uploadToConfirmMillis,
    Latency connectMillis,
    List<Failure> failures) {

  /** Connection attempts: {@code lost} counts connections that dropped after being established. */
  public record Connections(
      long attempts, long established, long failed, long lost, int connectedNow) {}

  /**
   * Upload totals. {@code dropped}: periodic uploads (heartbeat, status) lost with a connection,
   * which a device does not resend.
   */
  public record Uploads(
      long sent,
      long confirmed,
      long failed,
      long dropped,
      long retransmissions,
      long denied,
      long inFlight,
      long queued,
      Map<String, KindCount> byKind) {}

  /** Per upload kind. */
  public record KindCount(long sent, long confirmed, long failed, long dropped) {}

  /** Downlinks by type flag (as decimal strings), and the 查岗 and clock-sync outcomes. */
  public record Downlinks(
      long received,
      long answered,
      long denied,
      Map<String, Long> receivedByType,
      Map<String, Long> answeredByType,
      long clockSyncs,
      long dutyCheckReplies,
      long dutyChecksMissed,
      long dutyRepliesPending) {}

  /** Things that should not happen against a well-behaved centre. */
  public record Anomalies(long unmatchedReplies, long framesRejected, long writeFailures) {}

  /** One failed upload. */
  public record Failure(String device, String kind, String reason, int retransmissions) {}

  /** A latency distribution in milliseconds (from microsecond samples). */
  public record Latency(
      long count,
      double min,
      double mean,
      double p50,
      double p90,
      double p99,
      double p999,
      double max) {

    static Latency of(Histogram h) {
      Histogram copy = h.copy();
      if (copy.getTotalCount() == 0) {
        return new Latency(0, 0, 0, 0, 0, 0, 0, 0);
      }
      return new Latency(
          copy.getTotalCount(),
          ms(copy.getMinValue()),
          Math.round(copy.getMean()) / 1000.0,
          ms(copy.getValueAtPercentile(50)),
          ms(copy.getValueAtPercentile(90)),
          ms(copy.getValueAtPercentile(99)),
          ms(copy.getValueAtPercentile(99.9)),
          ms(copy.getMaxValue()));
    }

    private static double ms(long micros) {
      return micros / 1000.0;
    }
  }

  /** True if nothing failed and nothing is left unfinished. */
  public boolean isClean() {
    return uploads.failed() == 0 && uploads.inFlight() == 0 && uploads.queued() == 0;
  }

  /** One JSON object on one line. */
  public String toJson() {
    return Json.write(this);
  }

  /** A few lines for people. */
  public String toHumanSummary() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s after %.1f s: %d devices, %d connected now (%d connections, %d failed attempts, %d"
                + " lost)%n",
            phase,
            elapsedSeconds,
            devices,
            connections.connectedNow(),
            connections.established(),
            connections.failed(),
            connections.lost()));
    sb.append(
        String.format(
            Locale.ROOT,
            "uploads: %d sent, %d confirmed, %d failed, %d retransmissions, %d denied, %d in"
                + " flight, %d queued, %d dropped%n",
            uploads.sent(),
            uploads.confirmed(),
            uploads.failed(),
            uploads.retransmissions(),
            uploads.denied(),
            uploads.inFlight(),
            uploads.queued(),
            uploads.dropped()));
    sb.append(
        String.format(
            Locale.ROOT,
            "downlinks: %d received, %d answered, %d denied; 查岗 replies %d, missed %d; clock"
                + " syncs %d%n",
            downlinks.received(),
            downlinks.answered(),
            downlinks.denied(),
            downlinks.dutyCheckReplies(),
            downlinks.dutyChecksMissed(),
            downlinks.clockSyncs()));
    sb.append(
        String.format(
            Locale.ROOT,
            "upload→confirm ms: p50 %.1f, p99 %.1f, max %.1f (n=%d); connect ms: p50 %.1f, p99"
                + " %.1f%n",
            uploadToConfirmMillis.p50(),
            uploadToConfirmMillis.p99(),
            uploadToConfirmMillis.max(),
            uploadToConfirmMillis.count(),
            connectMillis.p50(),
            connectMillis.p99()));
    for (Failure f : failures.subList(0, Math.min(5, failures.size()))) {
      sb.append("failure: ")
          .append(f.device())
          .append(' ')
          .append(f.kind())
          .append(": ")
          .append(f.reason())
          .append(System.lineSeparator());
    }
    return sb.toString();
  }
}
