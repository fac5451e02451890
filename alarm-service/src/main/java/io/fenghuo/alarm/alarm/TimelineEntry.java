package io.fenghuo.alarm.alarm;

import java.time.Instant;

/**
 * One immutable audit record of an alarm.
 *
 * @param at when; never null
 * @param actor the user id, or {@code system}; never null
 * @param kind what happened; never null
 * @param detail for people, or null
 */
public record TimelineEntry(Instant at, String actor, TimelineKind kind, String detail) {

  /** The actor of what the service does by itself (timers, device signals). */
  public static final String SYSTEM = "system";
}
