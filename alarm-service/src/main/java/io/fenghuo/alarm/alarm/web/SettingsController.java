package io.fenghuo.alarm.alarm.web;

import io.fenghuo.alarm.alarm.AlarmDesk;
import io.fenghuo.alarm.alarm.Policy;
import io.fenghuo.alarm.alarm.Views;
import io.fenghuo.starter.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's policy, action plans and units' maintenance windows (supervisor, admin). */
@RestController
@Tag(name = "Settings", description = "Escalation policy, action plans, maintenance windows")
class SettingsController {

  private final AlarmDesk desk;

  SettingsController(AlarmDesk desk) {
    this.desk = desk;
  }

  @GetMapping("/api/alarm-policy")
  @Operation(summary = "The operator's alarm policy (defaults until set)")
  Policy policy(Caller caller, @RequestParam(required = false) String operator) {
    return desk.policy(CallerAccess.of(caller), operator);
  }

  @PutMapping("/api/alarm-policy")
  @Operation(summary = "Replace the operator's alarm policy; open alarms follow it at once")
  Policy updatePolicy(
      Caller caller,
      @RequestParam(required = false) String operator,
      @RequestBody(required = false) Policy policy) {
    return desk.updatePolicy(CallerAccess.of(caller), operator, policy);
  }

  @GetMapping("/api/action-plans")
  @Operation(summary = "Action plans per unit category")
  List<Views.ActionPlan> actionPlans(
      Caller caller, @RequestParam(required = false) String operator) {
    return desk.actionPlans(CallerAccess.of(caller), operator);
  }

  @PutMapping("/api/action-plans/{unitCategory}")
  @Operation(summary = "Replace the action plan of a unit category")
  Views.ActionPlan updateActionPlan(
      Caller caller,
      @PathVariable String unitCategory,
      @RequestParam(required = false) String operator,
      @RequestBody Steps steps) {
    return desk.updateActionPlan(CallerAccess.of(caller), operator, unitCategory, steps.steps());
  }

  @GetMapping("/api/units/{unitId}/maintenance-windows")
  @Operation(summary = "A unit's declared test/maintenance windows")
  List<Views.MaintenanceWindowView> windows(Caller caller, @PathVariable String unitId) {
    return desk.maintenanceWindows(CallerAccess.of(caller), CallerAccess.unit("unitId", unitId));
  }

  @PostMapping("/api/units/{unitId}/maintenance-windows")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Declare a window: alarms in it are marked, never dropped")
  Views.MaintenanceWindowView addWindow(
      Caller caller, @PathVariable String unitId, @RequestBody Window window) {
    return desk.addMaintenanceWindow(
        CallerAccess.of(caller),
        CallerAccess.unit("unitId", unitId),
        CallerAccess.instant("from", window.from()),
        CallerAccess.instant("to", window.to()),
        window.reason());
  }

  @DeleteMapping("/api/units/{unitId}/maintenance-windows/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a maintenance window")
  void deleteWindow(Caller caller, @PathVariable String unitId, @PathVariable String id) {
    desk.deleteMaintenanceWindow(
        CallerAccess.of(caller), CallerAccess.unit("unitId", unitId), CallerAccess.uuid("id", id));
  }

  record Steps(List<String> steps) {}

  record Window(String from, String to, String reason) {}
}
