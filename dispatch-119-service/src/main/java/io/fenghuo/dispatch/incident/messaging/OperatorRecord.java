package io.fenghuo.dispatch.incident.messaging;

/**
 * An outbox record for an operator's {@code fire.op.<op>.dispatch}.
 *
 * @param topic the Kafka topic
 * @param eventId the CloudEvent id
 * @param type the event type's wire name
 * @param time the CloudEvent time (ISO 8601)
 * @param operator the tenant
 * @param data the event data as JSON
 */
public record OperatorRecord(
    String topic, String eventId, String type, String time, String operator, String data)
    implements OutboundRecord {}
