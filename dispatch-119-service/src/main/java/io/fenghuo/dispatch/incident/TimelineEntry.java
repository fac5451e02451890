package io.fenghuo.dispatch.incident;

import io.fenghuo.contracts.dispatch.ForwardPath;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of an incident's record.
 *
 * @param at when it happened; never null
 * @param kind what happened; never null
 * @param path the path to 119, for forwards and delivery failures, else null
 * @param revision the incident revision concerned, or null
 * @param attempt the send of that revision, or null
 * @param status the receipt status, for receipts and terminal actions, else null
 * @param actor who did it (operator, dispatcher, 119 centre), or null
 * @param detail free text, or null
 */
public record TimelineEntry(
    Instant at,
    TimelineKind kind,
    ForwardPath path,
    Integer revision,
    Integer attempt,
    String status,
    String actor,
    String detail) {

  public TimelineEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
  }

  static TimelineEntry of(Instant at, TimelineKind kind, Incident incident, String detail) {
    return new TimelineEntry(
        at, kind, null, incident.revision(), incident.attempt(), null, null, detail);
  }
}
