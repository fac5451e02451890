package io.fenghuo.inspection.inspection.messaging;

/**
 * The outbox record of one event to publish (a fault event or a device command): stored by Spring
 * Modulith's event publication registry in the transaction of the change, completed once Kafka
 * acknowledged it. It carries the CloudEvent id, so a republication after a crash repeats the id
 * and consumers drop the copy.
 *
 * @param operator the tenant, which names the topic
 * @param eventId the CloudEvent id
 * @param type the wire type; its stream names the topic
 * @param time the event time (ISO instant)
 * @param data the event record as JSON
 */
public record OutboxRecord(
    String operator, String eventId, String type, String time, String data) {}
