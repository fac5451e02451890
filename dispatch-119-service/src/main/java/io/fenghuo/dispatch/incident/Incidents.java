package io.fenghuo.dispatch.incident;

import io.fenghuo.contracts.dispatch.IncidentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where incidents and their timelines are kept (port). Every call joins the caller's transaction.
 */
public interface Incidents {

  /** The incident, locked for the rest of the transaction, if it exists. */
  Optional<Incident> lock(IncidentId id);

  /** The incident, if it exists (no lock). */
  Optional<Incident> find(IncidentId id);

  /**
   * Stores a new incident.
   *
   * @return false if an incident with its id exists already (nothing stored)
   */
  boolean insert(Incident incident);

  /** Replaces the stored state of an incident. */
  void update(Incident incident);

  /** Appends a step to an incident's timeline. */
  void log(IncidentId id, TimelineEntry entry);

  /** The timeline, oldest first. */
  List<TimelineEntry> timeline(IncidentId id);

  /**
   * Incidents whose receipt is overdue at {@code now}, locked, skipping those another instance
   * holds.
   */
  List<Incident> lockOverdue(Instant now, int limit);

  /** A page of incidents the access sees, matching the query. */
  Page<Incident> list(Access access, IncidentQuery query);
}
