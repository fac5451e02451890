package io.fenghuo.contracts.kafka;

import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import io.fenghuo.contracts.event.EventEnvelope;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer writing an {@link EventEnvelope} in the CloudEvents Kafka protocol binding,
 * binary mode: attributes as {@code ce_*} headers, {@code content-type: application/json}, the data
 * as the record value. Any CloudEvents SDK can read what it writes.
 */
public class CloudEventsSerializer implements Serializer<EventEnvelope<?>> {

  private final CloudEventSerializer delegate = new CloudEventSerializer();

  /** A serializer in binary mode. */
  public CloudEventsSerializer() {
    delegate.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, Encoding.BINARY), false);
  }

  /**
   * Binary mode needs headers; this variant exists only for the interface and writes into a
   * throw-away header set, losing the attributes. Kafka producers always call the headers variant.
   */
  @Override
  public byte[] serialize(String topic, EventEnvelope<?> envelope) {
    return serialize(topic, new RecordHeaders(), envelope);
  }

  @Override
  public byte[] serialize(String topic, Headers headers, EventEnvelope<?> envelope) {
    if (envelope == null) {
      return null;
    }
    return delegate.serialize(topic, headers, CloudEventsCodec.toCloudEvent(envelope));
  }
}
