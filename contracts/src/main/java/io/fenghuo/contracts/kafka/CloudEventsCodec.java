package io.fenghuo.contracts.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.OperatorId;
import java.net.URI;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.SerializationException;
import tools.jackson.core.JacksonException;

/**
 * Maps an {@link EventEnvelope} to a CloudEvent and back: context attributes from the envelope,
 * {@code ce_type} from the {@link EventType}, data as JSON ({@code application/json}), and {@code
 * dataschema} pointing at the type's schema.
 */
public final class CloudEventsCodec {

  /** The CloudEvents extension attribute carrying the tenant. */
  public static final String OPERATOR_EXTENSION = "operatorid";

  /** Base of the {@code dataschema} URIs; the path is the schema's resource name. */
  public static final String SCHEMA_BASE = "https://fenghuo.io/contracts/";

  private static final String JSON = "application/json";

  private CloudEventsCodec() {}

  /**
   * The CloudEvent for an envelope.
   *
   * @throws SerializationException if the data cannot be written as JSON
   */
  public static CloudEvent toCloudEvent(EventEnvelope<?> envelope) {
    EventType type = envelope.type();
    byte[] data;
    try {
      data = EventJson.mapper().writeValueAsBytes(envelope.data());
    } catch (JacksonException e) {
      throw new SerializationException("cannot write " + type.wireName() + " as JSON", e);
    }
    CloudEventBuilder builder =
        CloudEventBuilder.v1()
            .withId(envelope.id())
            .withSource(envelope.source())
            .withType(type.wireName())
            .withTime(envelope.time().atOffset(ZoneOffset.UTC))
            .withSubject(envelope.key())
            .withDataSchema(URI.create(SCHEMA_BASE + type.schemaResource()))
            .withData(JSON, data);
    if (envelope.operator() != null) {
      builder.withExtension(OPERATOR_EXTENSION, envelope.operator().value());
    }
    return builder.build();
  }

  /**
   * The envelope of a CloudEvent.
   *
   * @throws SerializationException naming the problem if the type is unknown, the time or data is
   *     missing, the data is not valid JSON for the type, or an identifier is invalid
   */
  public static EventEnvelope<FenghuoEvent> fromCloudEvent(CloudEvent event) {
    EventType type =
        EventType.fromWireName(event.getType())
            .orElseThrow(
                () -> new SerializationException("unknown event type '" + event.getType() + "'"));
    if (event.getTime() == null) {
      throw new SerializationException(type.wireName() + " " + event.getId() + " has no ce_time");
    }
    if (event.getData() == null) {
      throw new SerializationException(type.wireName() + " " + event.getId() + " has no data");
    }
    try {
      FenghuoEvent data =
          EventJson.mapper().readValue(event.getData().toBytes(), type.recordClass());
      Object operator = event.getExtension(OPERATOR_EXTENSION);
      return new EventEnvelope<>(
          event.getId(),
          event.getSource(),
          event.getTime().toInstant(),
          operator == null ? null : OperatorId.of(operator.toString()),
          data);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      throw new SerializationException(
          "invalid " + type.wireName() + " " + event.getId() + ": " + e.getMessage(), e);
    }
  }
}
