package io.fenghuo.dispatch.incident.web;

import io.fenghuo.dispatch.incident.DispatchException;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers refused requests as RFC 9457 problem details: 400 with an {@code errors} array naming the
 * field, rule and message; 403 for a role that may not; 404 for an unknown incident or another
 * operator's (its existence does not leak). Counted in {@code fenghuo.dispatch.api.rejected}.
 */
@RestControllerAdvice
class DispatchProblems extends ResponseEntityExceptionHandler {

  static final String TYPE_BASE = "https://fenghuo.io/problems/";

  private final MeterRegistry meters;

  DispatchProblems(MeterRegistry meters) {
    this.meters = meters;
  }

  @ExceptionHandler(DispatchException.Invalid.class)
  ProblemDetail invalid(DispatchException.Invalid e) {
    return invalid(e.field(), "invalid", e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return invalid(e.getName(), "type", "'" + e.getValue() + "' is not a valid value");
  }

  @ExceptionHandler(DispatchException.NotFound.class)
  ProblemDetail notFound(DispatchException.NotFound e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler(DispatchException.Forbidden.class)
  ProblemDetail forbidden(DispatchException.Forbidden e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .body(invalid("", "json", "the body is not valid JSON for this request"));
  }

  private ProblemDetail invalid(String field, String rule, String message) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", message);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("rule", rule);
    error.put("message", message);
    problem.setProperty("errors", List.of(error));
    return problem;
  }

  private ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    meters.counter("fenghuo.dispatch.api.rejected", "reason", type).increment();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }
}
