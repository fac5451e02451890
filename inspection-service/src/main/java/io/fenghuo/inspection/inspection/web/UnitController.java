package io.fenghuo.inspection.inspection.web;

import io.fenghuo.inspection.inspection.InspectionDesk;
import io.fenghuo.inspection.inspection.Views;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A unit's status board, its history, its polls and its poll period. */
@RestController
@RequestMapping("/api/units/{unitId}")
@Tag(name = "Units", description = "Status board, history, polling (巡检) of one unit")
class UnitController {

  private final InspectionDesk desk;

  UnitController(InspectionDesk desk) {
    this.desk = desk;
  }

  @GetMapping("/board")
  @Operation(
      summary =
          "The unit's status board: devices (online/offline), systems, and points by building and"
              + " floor with state, colour and text")
  Views.UnitBoard board(Caller caller, @PathVariable String unitId) {
    return desk.reads().board(CallerAccess.of(caller), CallerAccess.unit("unitId", unitId));
  }

  @GetMapping("/history")
  @Operation(summary = "The unit's status changes, operations and analog values, newest first")
  Views.HistoryPage history(
      Caller caller,
      @PathVariable String unitId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return desk.reads()
        .history(
            CallerAccess.of(caller),
            CallerAccess.unit("unitId", unitId),
            CallerAccess.instant("from", from),
            CallerAccess.instant("to", to),
            page,
            size);
  }

  @GetMapping("/polls")
  @Operation(summary = "The unit's polls (status reads) and their results, newest first")
  List<Views.PollView> polls(
      Caller caller, @PathVariable String unitId, @RequestParam(defaultValue = "50") int limit) {
    return desk.reads().polls(CallerAccess.of(caller), CallerAccess.unit("unitId", unitId), limit);
  }

  @PostMapping("/polls")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary =
          "Poll the unit now: a full status read (UITD state and every system) of each of its"
              + " UITDs; the results arrive on the polls list")
  List<Views.PollView> pollNow(Caller caller, @PathVariable String unitId) {
    return desk.pollNow(CallerAccess.of(caller), CallerAccess.unit("unitId", unitId));
  }

  @GetMapping("/poll-period")
  @Operation(summary = "The unit's effective poll period (its own, or the operator's)")
  Views.PollPeriodView pollPeriod(Caller caller, @PathVariable String unitId) {
    return desk.pollPeriod(CallerAccess.of(caller), CallerAccess.unit("unitId", unitId));
  }

  @PutMapping("/poll-period")
  @Operation(
      summary =
          "Set the unit's own poll period (ISO duration, PT1S..PT2H per GB 50440); takes effect at"
              + " once")
  Views.PollPeriodView setPollPeriod(
      Caller caller, @PathVariable String unitId, @RequestBody Period period) {
    return desk.setPollPeriod(
        CallerAccess.of(caller),
        CallerAccess.unit("unitId", unitId),
        CallerAccess.duration("period", period == null ? null : period.period()));
  }

  @DeleteMapping("/poll-period")
  @Operation(summary = "Remove the unit's own poll period: the operator's applies again")
  Views.PollPeriodView clearPollPeriod(Caller caller, @PathVariable String unitId) {
    return desk.setPollPeriod(CallerAccess.of(caller), CallerAccess.unit("unitId", unitId), null);
  }

  /** A poll period body. */
  record Period(String period) {}
}
