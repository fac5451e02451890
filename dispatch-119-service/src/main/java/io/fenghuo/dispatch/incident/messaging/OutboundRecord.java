package io.fenghuo.dispatch.incident.messaging;

/**
 * The outbox record of one event leaving the service: stored by Spring Modulith's event publication
 * registry in the transaction of the step that produced it, completed by each relay once its path
 * took it. Plain strings, so the stored JSON never depends on how the event types serialize, and
 * the event id is fixed at storage: a record republished after a crash carries the same {@code
 * ce_id}. Records for the 119 centre and for the operators are different types, so each has its own
 * relay lane and the fire path never queues behind operator feedback.
 */
sealed interface OutboundRecord permits CentreRecord, OperatorRecord {

  /** The Kafka topic, as {@code TopicNames} built it. */
  String topic();

  /** The CloudEvent id. */
  String eventId();

  /** The event type's wire name. */
  String type();

  /** The CloudEvent time (ISO 8601). */
  String time();

  /** The tenant, or null for events outside any tenant. */
  String operator();

  /** The event data as JSON. */
  String data();
}
