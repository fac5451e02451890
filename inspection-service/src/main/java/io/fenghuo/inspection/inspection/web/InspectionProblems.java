package io.fenghuo.inspection.inspection.web;

import io.fenghuo.inspection.inspection.InspectionException;
import io.fenghuo.starter.web.ApiProblems;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused commands and bad input as problem details (see {@link ApiProblems}); nothing is stored.
 */
@RestControllerAdvice
class InspectionProblems extends ApiProblems {

  InspectionProblems(MeterRegistry meters) {
    super(meters, "inspection");
  }

  @ExceptionHandler(InspectionException.Invalid.class)
  ProblemDetail invalid(InspectionException.Invalid e) {
    return invalid(e.field(), "invalid", e.getMessage());
  }

  @ExceptionHandler(InspectionException.Conflict.class)
  ProblemDetail conflict(InspectionException.Conflict e) {
    return conflict(e.getMessage());
  }

  @ExceptionHandler(InspectionException.NotFound.class)
  ProblemDetail notFound(InspectionException.NotFound e) {
    return notFound(e.getMessage());
  }

  @ExceptionHandler(InspectionException.Forbidden.class)
  ProblemDetail forbidden(InspectionException.Forbidden e) {
    return forbidden(e.getMessage());
  }
}
