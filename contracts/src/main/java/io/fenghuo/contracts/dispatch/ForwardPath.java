package io.fenghuo.contracts.dispatch;

/**
 * The two independent paths to the 119 command centre (NFPA 72 asks for two): the Kafka topic
 * {@code fire.119.incident} and a signed HTTP webhook for a centre that cannot consume Kafka.
 */
public enum ForwardPath {
  /** The record was acknowledged by Kafka on {@code fire.119.incident}. */
  KAFKA,
  /** The centre's webhook answered 2xx. */
  WEBHOOK
}
