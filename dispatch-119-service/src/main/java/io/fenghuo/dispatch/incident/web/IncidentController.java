package io.fenghuo.dispatch.incident.web;

import io.fenghuo.contracts.dispatch.IncidentId;
import io.fenghuo.contracts.dispatch.ReceiptIssued;
import io.fenghuo.contracts.dispatch.ReceiptStatus;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.dispatch.incident.Dispatch;
import io.fenghuo.dispatch.incident.DispatchException;
import io.fenghuo.dispatch.incident.Incident;
import io.fenghuo.dispatch.incident.IncidentQuery;
import io.fenghuo.dispatch.incident.IncidentStatus;
import io.fenghuo.dispatch.incident.Page;
import io.fenghuo.starter.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 119 incidents, for the fire alarm information terminal (火警信息终端) and the operators: the live
 * list and history, one incident with its timeline, and the dispatcher's acknowledgement and
 * progress buttons, which issue receipts on {@code fire.119.receipt} like any 119 system.
 */
@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Incidents", description = "Fires forwarded to the 119 command centre")
class IncidentController {

  private final Dispatch dispatch;

  IncidentController(Dispatch dispatch) {
    this.dispatch = dispatch;
  }

  @GetMapping
  @PreAuthorize(Permissions.READ)
  @Operation(
      summary = "Incidents the caller sees",
      description =
          "view=live (default): not closed, unacknowledged first, then newest; view=history:"
              + " all, newest first. An operator's staff see only their operator's incidents.")
  Page<Incident> list(
      Caller caller,
      @RequestParam(defaultValue = "live") String view,
      @RequestParam(required = false) String operator,
      @RequestParam(required = false) IncidentStatus status,
      @RequestParam(required = false) Boolean confirmed,
      @RequestParam(required = false) Boolean escalated,
      @Parameter(description = "ISO 8601 instant, inclusive") @RequestParam(required = false)
          String from,
      @Parameter(description = "ISO 8601 instant, exclusive") @RequestParam(required = false)
          String to,
      @Parameter(description = "part of the unit name, address or id")
          @RequestParam(required = false)
          String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (!view.equals("live") && !view.equals("history")) {
      throw new DispatchException.Invalid("view", "must be live or history");
    }
    return dispatch.list(
        CallerAccess.of(caller),
        new IncidentQuery(
            view.equals("live"),
            operator == null ? null : parse("operator", () -> OperatorId.of(operator)),
            status,
            confirmed,
            escalated,
            instant("from", from),
            instant("to", to),
            q,
            page,
            size));
  }

  @GetMapping("/{incidentId}")
  @PreAuthorize(Permissions.READ)
  @Operation(summary = "One incident with its timeline (every forward, resend, receipt)")
  Dispatch.IncidentDetail get(Caller caller, @PathVariable String incidentId) {
    return dispatch.detail(CallerAccess.of(caller), id(incidentId));
  }

  @PostMapping("/{incidentId}/acknowledge")
  @PreAuthorize(Permissions.CENTRE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Acknowledge receipt of the incident (接警确认)",
      description =
          "Issues an ACKNOWLEDGED receipt on fire.119.receipt; the incident records it when it"
              + " comes back, like a receipt of any 119 system.")
  ReceiptIssued acknowledge(
      Caller caller,
      @PathVariable String incidentId,
      @RequestBody(required = false) TerminalAnswer body) {
    return dispatch.acknowledge(
        CallerAccess.of(caller),
        id(incidentId),
        caller.subject(),
        body == null ? null : body.note());
  }

  @PostMapping("/{incidentId}/progress")
  @PreAuthorize(Permissions.CENTRE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Report dispatch progress",
      description =
          "stage: ACCEPTED, UNITS_DISPATCHED, ARRIVED, UNDER_CONTROL or CLOSED; issued as a"
              + " receipt on fire.119.receipt.")
  ReceiptIssued progress(
      Caller caller, @PathVariable String incidentId, @RequestBody TerminalAnswer body) {
    if (body == null || body.stage() == null) {
      throw new DispatchException.Invalid(
          "stage", "must be one of ACCEPTED, UNITS_DISPATCHED, ARRIVED, UNDER_CONTROL, CLOSED");
    }
    return dispatch.reportProgress(
        CallerAccess.of(caller), id(incidentId), body.stage(), caller.subject(), body.note());
  }

  /**
   * What a dispatcher sends with a button.
   *
   * @param stage the progress (for {@code /progress}), else ignored
   * @param note free text, or null
   */
  record TerminalAnswer(ReceiptStatus stage, String note) {}

  static IncidentId id(String text) {
    return parse("incidentId", () -> IncidentId.of(text));
  }

  private static Instant instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new DispatchException.Invalid(
          field, "must be an ISO 8601 instant, e.g. 2026-11-28T00:00:00Z");
    }
  }

  private static <T> T parse(String field, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new DispatchException.Invalid(field, e.getMessage());
    }
  }
}
