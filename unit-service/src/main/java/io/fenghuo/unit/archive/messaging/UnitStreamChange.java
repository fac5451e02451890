package io.fenghuo.unit.archive.messaging;

/**
 * The outbox record of one archive change: stored by Spring Modulith's event publication registry
 * in the transaction of the change, and completed once the unit stream has the unit's state. Plain
 * strings, so the stored JSON never depends on how the identifier types serialize.
 *
 * @param operator the unit's operator (tenant), which names the topic
 * @param unit the unit id, the record key
 */
public record UnitStreamChange(String operator, String unit) {}
