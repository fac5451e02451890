package io.fenghuo.alarm.alarm.web;

import io.fenghuo.alarm.alarm.AlarmDesk;
import io.fenghuo.alarm.alarm.AlarmQueries;
import io.fenghuo.alarm.alarm.AlarmState;
import io.fenghuo.alarm.alarm.Verdict;
import io.fenghuo.alarm.alarm.Views;
import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.starter.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The queue, the alarm detail, the workflow actions, history and statistics (alarm-api.md). */
@RestController
@RequestMapping("/api/alarms")
@Tag(name = "Alarms", description = "Alarm queue, handling workflow, history (报警受理)")
class AlarmController {

  private final AlarmDesk desk;

  AlarmController(AlarmDesk desk) {
    this.desk = desk;
  }

  @GetMapping("/queue")
  @Operation(summary = "Open alarms in queue order: fire first, unclaimed first, newest first")
  Views.Queue queue(Caller caller, @RequestParam(required = false) String operator) {
    return desk.queue(CallerAccess.of(caller), operator);
  }

  @GetMapping
  @Operation(summary = "Alarm history, newest first")
  Views.HistoryPage history(
      Caller caller,
      @RequestParam(required = false) String operator,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) AlarmState state,
      @RequestParam(required = false) Verdict verdict,
      @RequestParam(required = false) AlarmCategory category,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return desk.history(
        CallerAccess.of(caller),
        operator,
        new AlarmQueries.HistoryQuery(
            null,
            CallerAccess.unit("unit", unit),
            state,
            verdict,
            category,
            CallerAccess.instant("from", from),
            CallerAccess.instant("to", to),
            page,
            size));
  }

  @GetMapping("/statistics/false-alarms")
  @Operation(summary = "False alarms per unit and point, most first")
  Views.FalseAlarmStatistics statistics(
      Caller caller,
      @RequestParam(required = false) String operator,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return desk.statistics(
        CallerAccess.of(caller),
        operator,
        CallerAccess.instant("from", from),
        CallerAccess.instant("to", to));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One alarm with unit, points, contacts, action plan, calls, timeline")
  Views.AlarmDetail detail(Caller caller, @PathVariable String id) {
    return desk.detail(CallerAccess.of(caller), CallerAccess.alarm(id));
  }

  @PostMapping("/{id}/claim")
  @Operation(summary = "Claim an alarm; a supervisor may take it over with takeOver=true")
  Views.AlarmCard claim(
      Caller caller,
      @PathVariable String id,
      @RequestParam(defaultValue = "false") boolean takeOver) {
    return desk.claim(CallerAccess.of(caller), CallerAccess.alarm(id), takeOver);
  }

  @PostMapping("/{id}/release")
  @Operation(summary = "Release a claim (the holder, or a supervisor)")
  Views.AlarmCard release(Caller caller, @PathVariable String id) {
    return desk.release(CallerAccess.of(caller), CallerAccess.alarm(id));
  }

  @PostMapping("/{id}/calls")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a call to a contact of the unit and its outcome")
  Views.CallView call(
      Caller caller, @PathVariable String id, @RequestBody AlarmDesk.CallRequest call) {
    return desk.recordCall(CallerAccess.of(caller), CallerAccess.alarm(id), call);
  }

  @PostMapping("/{id}/notes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a note to the alarm's timeline")
  Views.TimelineEntryView note(Caller caller, @PathVariable String id, @RequestBody Note note) {
    return desk.addNote(CallerAccess.of(caller), CallerAccess.alarm(id), note.text());
  }

  @PostMapping("/{id}/confirm")
  @Operation(summary = "Confirm a true fire: emits alarm.confirmed for 119")
  Views.AlarmDetail confirm(
      Caller caller,
      @PathVariable String id,
      @RequestBody(required = false) AlarmDesk.ConfirmRequest request) {
    return desk.confirm(
        CallerAccess.of(caller),
        CallerAccess.alarm(id),
        request == null
            ? new AlarmDesk.ConfirmRequest(null, null, null, null, null, null)
            : request);
  }

  @PostMapping("/{id}/dismiss")
  @Operation(summary = "Close as a false alarm (with cause) or a test")
  Views.AlarmDetail dismiss(
      Caller caller, @PathVariable String id, @RequestBody AlarmDesk.DismissRequest request) {
    return desk.dismiss(CallerAccess.of(caller), CallerAccess.alarm(id), request);
  }

  /** A note's body. */
  record Note(String text) {}
}
