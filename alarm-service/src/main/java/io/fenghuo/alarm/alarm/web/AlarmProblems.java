package io.fenghuo.alarm.alarm.web;

import io.fenghuo.alarm.alarm.AlarmException;
import io.fenghuo.starter.web.ApiProblems;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused commands and bad input as problem details (see {@link ApiProblems}); nothing is stored.
 */
@RestControllerAdvice
class AlarmProblems extends ApiProblems {

  AlarmProblems(MeterRegistry meters) {
    super(meters, "alarm");
  }

  @ExceptionHandler(AlarmException.Invalid.class)
  ProblemDetail invalid(AlarmException.Invalid e) {
    return invalid(e.field(), "invalid", e.getMessage());
  }

  @ExceptionHandler(AlarmException.Conflict.class)
  ProblemDetail conflict(AlarmException.Conflict e) {
    return conflict(e.getMessage());
  }

  @ExceptionHandler(AlarmException.NotFound.class)
  ProblemDetail notFound(AlarmException.NotFound e) {
    return notFound(e.getMessage());
  }

  @ExceptionHandler(AlarmException.Forbidden.class)
  ProblemDetail forbidden(AlarmException.Forbidden e) {
    return forbidden(e.getMessage());
  }
}
