package io.fenghuo.inspection.inspection.web;

import io.fenghuo.inspection.inspection.InspectionDesk;
import io.fenghuo.inspection.inspection.InspectionReads;
import io.fenghuo.inspection.inspection.Views;
import io.fenghuo.starter.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The integrity rate (完好率) per unit, operator and district, for supervision. */
@RestController
@RequestMapping("/api/integrity")
@Tag(name = "Integrity", description = "完好率: time-weighted share of points in normal state")
class IntegrityController {

  private final InspectionDesk desk;

  IntegrityController(InspectionDesk desk) {
    this.desk = desk;
  }

  @GetMapping("/units/{unitId}")
  @Operation(summary = "A unit's daily integrity rate and fault repair times (from/to: ISO dates)")
  Views.IntegrityReport unit(
      Caller caller,
      @PathVariable String unitId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return report(caller, InspectionReads.Scope.UNIT, unitId, from, to);
  }

  @GetMapping("/operators/{operatorId}")
  @Operation(summary = "An operator's daily integrity rate over all its units")
  Views.IntegrityReport operator(
      Caller caller,
      @PathVariable String operatorId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return report(caller, InspectionReads.Scope.OPERATOR, operatorId, from, to);
  }

  @GetMapping("/districts/{district}")
  @Operation(
      summary =
          "A district's daily integrity rate (region-wide roles: every operator; operators: their"
              + " own units)")
  Views.IntegrityReport district(
      Caller caller,
      @PathVariable String district,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return report(caller, InspectionReads.Scope.DISTRICT, district, from, to);
  }

  private Views.IntegrityReport report(
      Caller caller, InspectionReads.Scope scope, String id, String from, String to) {
    return desk.reads()
        .integrity(
            CallerAccess.of(caller),
            scope,
            id,
            CallerAccess.date("from", from),
            CallerAccess.date("to", to));
  }
}
