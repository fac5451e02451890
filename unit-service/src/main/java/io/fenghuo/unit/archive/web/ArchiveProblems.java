package io.fenghuo.unit.archive.web;

import io.fenghuo.starter.web.ApiProblems;
import io.fenghuo.unit.archive.ArchiveException;
import io.fenghuo.unit.archive.Violation;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused commands and bad input as problem details (see {@link ApiProblems}): every broken rule is
 * named (field, or CSV row and column); bad input never reaches the archive.
 */
@RestControllerAdvice
class ArchiveProblems extends ApiProblems {

  ArchiveProblems(MeterRegistry meters) {
    super(meters, "unit");
  }

  @ExceptionHandler(ArchiveException.Invalid.class)
  ProblemDetail invalid(ArchiveException.Invalid e) {
    return invalid(
        e.violations().size() + " rule(s) broken; nothing was changed",
        e.violations().stream().map(ArchiveProblems::error).toList());
  }

  @ExceptionHandler(ArchiveException.Conflict.class)
  ProblemDetail conflict(ArchiveException.Conflict e) {
    ProblemDetail problem = conflict(e.getMessage());
    problem.setProperty("errors", List.of(error(e.violation()).asMap()));
    return problem;
  }

  private static FieldError error(Violation v) {
    return new FieldError(v.row(), v.field(), v.rule(), v.message());
  }

  @ExceptionHandler(ArchiveException.NotFound.class)
  ProblemDetail notFound(ArchiveException.NotFound e) {
    return notFound(e.getMessage());
  }

  @ExceptionHandler(ArchiveException.Forbidden.class)
  ProblemDetail forbidden(ArchiveException.Forbidden e) {
    return forbidden(e.getMessage());
  }
}
