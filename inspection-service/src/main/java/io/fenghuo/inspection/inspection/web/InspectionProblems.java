package io.fenghuo.inspection.inspection.web;

import io.fenghuo.inspection.inspection.InspectionException;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Refused commands and bad input as RFC 9457 problem details whose {@code detail} names the field
 * or rule; counted ({@code fenghuo.inspection.api.rejected}); nothing is stored.
 */
@RestControllerAdvice
class InspectionProblems extends ResponseEntityExceptionHandler {

  private static final String TYPE_BASE = "https://fenghuo.io/problems/";

  private final MeterRegistry meters;

  InspectionProblems(MeterRegistry meters) {
    this.meters = meters;
  }

  @ExceptionHandler(InspectionException.Invalid.class)
  ProblemDetail invalid(InspectionException.Invalid e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
    problem.setProperty("field", e.field());
    return problem;
  }

  @ExceptionHandler(InspectionException.Conflict.class)
  ProblemDetail conflict(InspectionException.Conflict e) {
    return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
  }

  @ExceptionHandler(InspectionException.NotFound.class)
  ProblemDetail notFound(InspectionException.NotFound e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler(InspectionException.Forbidden.class)
  ProblemDetail forbidden(InspectionException.Forbidden e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String message = "the body is not valid JSON for this request";
    if (ex.getCause() instanceof JacksonException jackson) {
      StringBuilder field = new StringBuilder();
      for (JacksonException.Reference ref : jackson.getPath()) {
        if (ref.getPropertyName() != null) {
          field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
        }
      }
      String original = jackson.getOriginalMessage();
      int cut = original.indexOf('\n');
      original = cut > 0 ? original.substring(0, cut) : original;
      message = field.isEmpty() ? original : field + ": " + original;
    }
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", message));
  }

  private ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    meters.counter("fenghuo.inspection.api.rejected", "reason", type).increment();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }
}
