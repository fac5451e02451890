package io.fenghuo.contracts.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.rw.CloudEventRWException;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer reading a CloudEvent (binary or structured mode) into an {@link
 * EventEnvelope}. Anything that is not a valid Fenghuo event fails with a {@link
 * SerializationException} naming the problem, so the error handler can dead-letter it.
 */
public class CloudEventsDeserializer implements Deserializer<EventEnvelope<FenghuoEvent>> {

  private final CloudEventDeserializer delegate = new CloudEventDeserializer();

  @Override
  public EventEnvelope<FenghuoEvent> deserialize(String topic, byte[] data) {
    return deserialize(topic, new RecordHeaders(), data);
  }

  @Override
  public EventEnvelope<FenghuoEvent> deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null; // a tombstone on a compacted topic
    }
    CloudEvent event;
    try {
      event = delegate.deserialize(topic, headers, data);
    } catch (CloudEventRWException | IllegalArgumentException e) {
      throw new SerializationException(
          "record on " + topic + " is not a CloudEvent: " + e.getMessage(), e);
    }
    return CloudEventsCodec.fromCloudEvent(event);
  }
}
