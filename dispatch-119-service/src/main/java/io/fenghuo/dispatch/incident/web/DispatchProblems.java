package io.fenghuo.dispatch.incident.web;

import io.fenghuo.dispatch.incident.DispatchException;
import io.fenghuo.starter.web.ApiProblems;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused requests as problem details (see {@link ApiProblems}): 403 for a role that may not; 404
 * for an unknown incident or another operator's (its existence does not leak).
 */
@RestControllerAdvice
class DispatchProblems extends ApiProblems {

  DispatchProblems(MeterRegistry meters) {
    super(meters, "dispatch");
  }

  @ExceptionHandler(DispatchException.Invalid.class)
  ProblemDetail invalid(DispatchException.Invalid e) {
    return invalid(e.field(), "invalid", e.getMessage());
  }

  @ExceptionHandler(DispatchException.NotFound.class)
  ProblemDetail notFound(DispatchException.NotFound e) {
    return notFound(e.getMessage());
  }

  @ExceptionHandler(DispatchException.Forbidden.class)
  ProblemDetail forbidden(DispatchException.Forbidden e) {
    return forbidden(e.getMessage());
  }
}
