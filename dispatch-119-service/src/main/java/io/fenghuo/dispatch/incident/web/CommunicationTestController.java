package io.fenghuo.dispatch.incident.web;

import io.fenghuo.contracts.dispatch.ReceiptIssued;
import io.fenghuo.dispatch.incident.CommunicationTest;
import io.fenghuo.dispatch.incident.CommunicationTesting;
import io.fenghuo.dispatch.incident.Page;
import io.fenghuo.starter.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The daily communication test with the 119 centre (GB 50440 §8): its record, and by hand. */
@RestController
@RequestMapping("/api/communication-tests")
@Tag(name = "Communication tests", description = "GB 50440 §8: one test a day with the 119 centre")
class CommunicationTestController {

  private final CommunicationTesting testing;

  CommunicationTestController(CommunicationTesting testing) {
    this.testing = testing;
  }

  @GetMapping
  @PreAuthorize(Permissions.TESTS)
  @Operation(summary = "The record of communication tests, newest first")
  Page<CommunicationTest> history(
      Caller caller,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return testing.history(CallerAccess.of(caller), page, size);
  }

  @PostMapping
  @PreAuthorize(Permissions.CENTRE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Run a communication test now")
  CommunicationTest run(Caller caller) {
    return testing.manual(CallerAccess.of(caller), caller.subject());
  }

  @PostMapping("/{testId}/acknowledge")
  @PreAuthorize(Permissions.CENTRE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary = "Answer a communication test from the terminal (a receipt on fire.119.receipt)")
  ReceiptIssued acknowledge(Caller caller, @PathVariable String testId) {
    return testing.acknowledge(
        CallerAccess.of(caller), IncidentController.id(testId), caller.subject());
  }
}
