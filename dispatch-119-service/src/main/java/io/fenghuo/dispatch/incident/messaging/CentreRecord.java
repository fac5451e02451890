package io.fenghuo.dispatch.incident.messaging;

/**
 * An outbox record for the 119 boundary ({@code fire.119.incident}, {@code fire.119.receipt}).
 *
 * @param topic the Kafka topic
 * @param eventId the CloudEvent id
 * @param type the event type's wire name
 * @param time the CloudEvent time (ISO 8601)
 * @param operator the tenant, or null
 * @param data the event data as JSON
 */
public record CentreRecord(
    String topic, String eventId, String type, String time, String operator, String data)
    implements OutboundRecord {}
