package io.fenghuo.inspection.inspection.web;

import io.fenghuo.contracts.fault.FaultKind;
import io.fenghuo.inspection.inspection.InspectionDesk;
import io.fenghuo.inspection.inspection.Views;
import io.fenghuo.starter.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Fault records: open faults with age and assignee, history, work-order steps. */
@RestController
@RequestMapping("/api/faults")
@Tag(name = "Faults", description = "Fault records followed until repaired (故障跟踪)")
class FaultController {

  private final InspectionDesk desk;

  FaultController(InspectionDesk desk) {
    this.desk = desk;
  }

  @GetMapping
  @Operation(
      summary =
          "Fault records, newest first; state=open (default) with age and assignee, closed, or"
              + " all")
  Views.FaultPage faults(
      Caller caller,
      @RequestParam(required = false) String operator,
      @RequestParam(required = false) String unit,
      @RequestParam(defaultValue = "open") String state,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Boolean open =
        switch (state) {
          case "open" -> Boolean.TRUE;
          case "closed" -> Boolean.FALSE;
          case "all" -> null;
          default ->
              throw new io.fenghuo.inspection.inspection.InspectionException.Invalid(
                  "state", "must be open, closed or all");
        };
    return desk.reads()
        .faults(
            CallerAccess.of(caller),
            operator,
            CallerAccess.unit("unit", unit),
            open,
            CallerAccess.enumOf(FaultKind.class, "kind", kind),
            CallerAccess.instant("from", from),
            CallerAccess.instant("to", to),
            page,
            size);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One fault record with its log")
  Views.FaultDetail fault(Caller caller, @PathVariable String id) {
    return desk.reads().fault(CallerAccess.of(caller), CallerAccess.fault(id));
  }

  @PostMapping("/{id}/accept")
  @Operation(summary = "The maintenance company accepted the work order (已受理)")
  Views.FaultDetail accept(
      Caller caller, @PathVariable String id, @RequestBody(required = false) Note note) {
    return desk.accept(
        CallerAccess.of(caller), CallerAccess.fault(id), note == null ? null : note.note());
  }

  @PostMapping("/{id}/repaired")
  @Operation(
      summary =
          "The maintenance company reports the repair (已维修); the fault closes only when the"
              + " device's recovery signal verifies it")
  Views.FaultDetail repaired(
      Caller caller, @PathVariable String id, @RequestBody(required = false) Note note) {
    return desk.repaired(
        CallerAccess.of(caller), CallerAccess.fault(id), note == null ? null : note.note());
  }

  /** A work-order note. */
  record Note(String note) {}
}
