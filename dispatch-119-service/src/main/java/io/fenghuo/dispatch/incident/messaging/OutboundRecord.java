package io.fenghuo.dispatch.incident.messaging;

/**
 * The outbox record of one event leaving the service: stored by Spring Modulith's event
 * publication registry in the transaction of the step that produced it, completed by each relay
 * once its path took it. Plain strings, so the stored JSON never depends on how the event types
 * serialize, and the event id is fixed at storage: a record republished after a crash carries the
 * same {@code ce_id}.
 *
 * @param topic the Kafka topic, as {@code TopicNames} built it
 * @param eventId the CloudEvent id
 * @param type the event type's wire name
 * @param time the CloudEvent time (ISO 8601)
 * @param operator the tenant, or null for events outside any tenant
 * @param data the event data as JSON
 */
public record OutboundRecord(
    String topic, String eventId, String type, String time, String operator, String data) {}
