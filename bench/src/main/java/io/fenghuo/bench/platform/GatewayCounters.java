package io.fenghuo.bench.platform;

import io.fenghuo.bench.metrics.Prometheus;
import java.util.Map;
import java.util.Set;

/**
 * What the gateway counted at one moment ({@code /actuator/prometheus}): frames of the status types
 * (1 = system state, 21 = UITD state) in all and acknowledged to the device, frames deferred by
 * back-pressure, frames dropped by the per-connection rate limit, open connections, and the alarm
 * lane's histograms (confirm latency, event-loop delay) as sums and counts.
 */
record GatewayCounters(
    long nanos,
    double statusFrames,
    double statusAcknowledged,
    double allFrames,
    double deferred,
    double rateLimited,
    double connections,
    double alarmConfirmSeconds,
    double alarmConfirms,
    double alarmLoopDelaySeconds,
    double alarmLoopDelays,
    double fireReadWhilePaused,
    double backPressureSeconds) {

  static final Set<String> STATUS_TYPES = Set.of("1", "21");
  static final Set<String> ACKNOWLEDGED = Set.of("confirmed", "coalesced");

  static GatewayCounters of(Prometheus p) {
    String frames = "fenghuo_gateway_frames_total";
    return new GatewayCounters(
        System.nanoTime(),
        p.sum(frames, l -> STATUS_TYPES.contains(l.get("type"))),
        p.sum(
            frames,
            l -> STATUS_TYPES.contains(l.get("type")) && ACKNOWLEDGED.contains(l.get("outcome"))),
        p.sum(frames),
        p.sum(frames, l -> "deferred".equals(l.get("outcome"))),
        p.sum("fenghuo_gateway_protection_total", l -> "frame_rate".equals(l.get("limit"))),
        p.sum("fenghuo_gateway_connections"),
        p.sum("fenghuo_gateway_confirm_latency_seconds_sum", l -> "alarm".equals(l.get("lane"))),
        p.sum("fenghuo_gateway_confirm_latency_seconds_count", l -> "alarm".equals(l.get("lane"))),
        p.sum("fenghuo_gateway_loop_delay_seconds_sum", l -> "alarm".equals(l.get("lane"))),
        p.sum("fenghuo_gateway_loop_delay_seconds_count", l -> "alarm".equals(l.get("lane"))),
        p.sum(frames, l -> "fire_read_while_paused".equals(l.get("outcome"))),
        p.sum("fenghuo_gateway_backpressure_seconds_sum"));
  }

  /** Per second between an earlier snapshot and this one. */
  Map<String, Double> ratesSince(GatewayCounters before) {
    double s = (nanos - before.nanos) / 1e9;
    return Map.of(
        "statusFrames", (statusFrames - before.statusFrames) / s,
        "statusAcknowledged", (statusAcknowledged - before.statusAcknowledged) / s,
        "allFrames", (allFrames - before.allFrames) / s,
        "deferred", (deferred - before.deferred) / s,
        "rateLimited", (rateLimited - before.rateLimited) / s);
  }

  /**
   * The gateway's own view of the fire frames between an earlier snapshot and this one: mean
   * alarm-lane confirm latency and event-loop delay (ms), fire frames read while back-pressure held
   * their connection, and the share of the time the instance-wide back-pressure was on.
   */
  String alarmLaneSince(GatewayCounters before) {
    double confirms = alarmConfirms - before.alarmConfirms;
    double delays = alarmLoopDelays - before.alarmLoopDelays;
    double s = (nanos - before.nanos) / 1e9;
    return String.format(
        "%.0f alarm-lane confirms, mean %.1f ms frame in → confirm out; mean event-loop delay %.1f"
            + " ms (Kafka ack → confirm running on the connection's loop); %.0f fire frames read"
            + " while paused; instance-wide back-pressure on %.0f %% of the time",
        confirms,
        confirms == 0 ? 0 : 1000 * (alarmConfirmSeconds - before.alarmConfirmSeconds) / confirms,
        delays == 0 ? 0 : 1000 * (alarmLoopDelaySeconds - before.alarmLoopDelaySeconds) / delays,
        fireReadWhilePaused - before.fireReadWhilePaused,
        100 * (backPressureSeconds - before.backPressureSeconds) / s);
  }
}
