package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.unit.UnitCategory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Per-operator settings (port): policy, action plans, maintenance windows. */
public interface Settings {

  /** The operator's policy, or empty if it never set one. */
  Optional<Policy> policy(OperatorId operator);

  void savePolicy(OperatorId operator, Policy policy, String user, Instant now);

  /** The operator's own action plans by unit category. */
  Map<UnitCategory, List<String>> actionPlans(OperatorId operator);

  void saveActionPlan(
      OperatorId operator, UnitCategory category, List<String> steps, String user, Instant now);

  List<Views.MaintenanceWindowView> maintenanceWindows(OperatorId operator, UnitId unit);

  void addMaintenanceWindow(
      OperatorId operator, UnitId unit, Views.MaintenanceWindowView window, Instant now);

  /**
   * @return whether it existed
   */
  boolean deleteMaintenanceWindow(OperatorId operator, UnitId unit, UUID id);

  /** Whether the unit is in a declared test/maintenance window at that time. */
  boolean inMaintenanceWindow(OperatorId operator, UnitId unit, Instant at);
}
