package io.fenghuo.contracts.event;

import io.fenghuo.contracts.id.OperatorId;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An event with its CloudEvents context attributes (CloudEvents 1.0): what travels on the bus. The
 * data's {@link EventType} gives {@code ce_type}; {@code operatorid} is a CloudEvents extension
 * naming the tenant.
 *
 * @param id the event id ({@code ce_id}); deterministic for device frames (see {@link EventIds}),
 *     so that a retransmitted frame yields the same id and consumers drop it; never blank
 * @param source the producer ({@code ce_source}), e.g. {@code /fenghuo/gateway-device/gw-1}
 * @param time when the fact happened ({@code ce_time}); never null
 * @param operator the tenant ({@code ce_operatorid}); null only for events outside any tenant
 * @param data the event; never null
 * @param <T> the event record type
 */
public record EventEnvelope<T extends FenghuoEvent>(
    String id, URI source, Instant time, OperatorId operator, T data) {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the id is blank
   */
  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("event id must not be blank");
    }
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
  }

  /** The event's type. */
  public EventType type() {
    return EventType.of(data);
  }

  /** The Kafka record key. */
  public String key() {
    return data.key();
  }
}
