package io.fenghuo.bench.platform;

import java.util.Map;
import java.util.Set;

/**
 * What the gateway counted at one moment ({@code /actuator/prometheus}): frames of the status types
 * (1 = system state, 21 = UITD state) in all and acknowledged to the device, frames deferred by
 * back-pressure, frames dropped by the per-connection rate limit, open connections.
 */
record GatewayCounters(
    long nanos,
    double statusFrames,
    double statusAcknowledged,
    double allFrames,
    double deferred,
    double rateLimited,
    double connections) {

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
        p.sum("fenghuo_gateway_connections"));
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
}
