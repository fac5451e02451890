package io.fenghuo.contracts.event;

/**
 * A fact the platform publishes: a past-tense record with a stable wire type ({@link EventType}).
 * Implementations are immutable records; their JSON form is the CloudEvent's data.
 */
public interface FenghuoEvent {

  /**
   * The Kafka record key: the entity whose order matters (device address, alarm id, …), so that all
   * events of one entity land on one partition in order.
   */
  String key();
}
