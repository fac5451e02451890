package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Per-operator policy and per-unit poll periods (port). */
public interface Settings {

  /** The operator's policy, or empty if it never set one. */
  Optional<Policy> policy(OperatorId operator);

  void savePolicy(OperatorId operator, Policy policy, String user, Instant now);

  /** The unit's own poll period, if it has one. */
  Optional<Duration> unitPollPeriod(OperatorId operator, UnitId unit);

  /** Sets the unit's own poll period, or removes it ({@code period} null). */
  void saveUnitPollPeriod(
      OperatorId operator, UnitId unit, Duration period, String user, Instant now);
}
