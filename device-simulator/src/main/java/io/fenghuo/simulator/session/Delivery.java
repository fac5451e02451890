package io.fenghuo.simulator.session;

import io.fenghuo.simulator.device.UploadKind;
import java.time.Duration;

/**
 * The fate of one upload.
 *
 * @param kind why it was sent
 * @param confirmed true if the centre confirmed it
 * @param retransmissions how often it was sent again on its last connection (§6.5)
 * @param latency first transmission to confirm on the connection that confirmed it; null unless
 *     confirmed
 * @param failure why it failed (retries exhausted, outbox overflow, device stopped); null if
 *     confirmed
 */
public record Delivery(
    UploadKind kind, boolean confirmed, int retransmissions, Duration latency, String failure) {

  static Delivery confirmed(UploadKind kind, int retransmissions, Duration latency) {
    return new Delivery(kind, true, retransmissions, latency, null);
  }

  static Delivery failed(UploadKind kind, int retransmissions, String failure) {
    return new Delivery(kind, false, retransmissions, null, failure);
  }
}
