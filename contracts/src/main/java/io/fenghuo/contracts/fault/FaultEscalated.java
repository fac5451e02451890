package io.fenghuo.contracts.fault;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.Objects;

/**
 * A fault stayed open longer than the operator's limit and was escalated (defaults: 24 h to the
 * unit's manager, 72 h to the operator's supervisor).
 *
 * @param faultId the fault; never null
 * @param unit the unit; null only if the device was never bound to a unit
 * @param kind what is wrong; never null
 * @param level 1 for the first escalation, counting up
 * @param escalatedTo the role it goes to, e.g. {@code unit-manager}, {@code operator-supervisor};
 *     never null
 * @param openedAt when the fault was opened; never null
 * @param escalatedAt when; never null
 * @param assignedCompany the maintenance company of the work order (as in {@link FaultOpened}), or
 *     null if the unit has no maintenance contract
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultEscalated(
    FaultId faultId,
    UnitId unit,
    FaultKind kind,
    int level,
    String escalatedTo,
    Instant openedAt,
    Instant escalatedAt,
    String assignedCompany)
    implements FaultEvent {

  /**
   * @throws NullPointerException if a required field is null
   * @throws IllegalArgumentException if the level is below 1
   */
  public FaultEscalated {
    Objects.requireNonNull(faultId, "faultId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(escalatedTo, "escalatedTo");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(escalatedAt, "escalatedAt");
    if (level < 1) {
      throw new IllegalArgumentException("escalation level " + level + " must be at least 1");
    }
  }
}
