package io.fenghuo.dispatch.incident;

import io.fenghuo.contracts.id.OperatorId;
import java.time.Instant;

/**
 * A search of incidents.
 *
 * @param live true: only incidents not closed, unacknowledged first; false: every incident, newest
 *     first (history)
 * @param operator only this operator's, or null (within what the caller sees)
 * @param status only in this status, or null
 * @param confirmed only confirmed (true) or unconfirmed (false) ones, or null
 * @param escalated only escalated (true) or not (false), or null
 * @param from created at or after, or null
 * @param to created before, or null
 * @param text a part of the unit name or address, or null
 * @param page from 0
 * @param size 1 to 200
 */
public record IncidentQuery(
    boolean live,
    OperatorId operator,
    IncidentStatus status,
    Boolean confirmed,
    Boolean escalated,
    Instant from,
    Instant to,
    String text,
    int page,
    int size) {

  /**
   * @throws DispatchException.Invalid if page or size is out of range
   */
  public IncidentQuery {
    if (page < 0) {
      throw new DispatchException.Invalid("page", "must be 0 or more");
    }
    if (size < 1 || size > 200) {
      throw new DispatchException.Invalid("size", "must be between 1 and 200");
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new DispatchException.Invalid("to", "must not be before from");
    }
    text = text == null || text.isBlank() ? null : text.strip();
  }
}
