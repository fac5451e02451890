package io.fenghuo.inspection.inspection.web;

import io.fenghuo.inspection.inspection.InspectionDesk;
import io.fenghuo.inspection.inspection.Policy;
import io.fenghuo.starter.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's inspection policy (supervisor, admin). */
@RestController
@Tag(name = "Settings", description = "Escalation ages, disabled limit, liveness, poll period")
class SettingsController {

  private final InspectionDesk desk;

  SettingsController(InspectionDesk desk) {
    this.desk = desk;
  }

  @GetMapping("/api/inspection-policy")
  @Operation(summary = "The operator's inspection policy (defaults until set)")
  Policy policy(Caller caller, @RequestParam(required = false) String operator) {
    return desk.policy(CallerAccess.of(caller), operator);
  }

  @PutMapping("/api/inspection-policy")
  @Operation(
      summary =
          "Replace the operator's inspection policy; open faults' escalations and the UITDs' poll"
              + " schedules follow at once")
  Policy updatePolicy(
      Caller caller,
      @RequestParam(required = false) String operator,
      @RequestBody(required = false) Policy policy) {
    return desk.updatePolicy(CallerAccess.of(caller), operator, policy);
  }
}
