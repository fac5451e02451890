package io.fenghuo.unit.archive.web;

import io.fenghuo.unit.archive.ArchiveException;
import io.fenghuo.unit.archive.Violation;
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
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Answers refused commands and bad input as RFC 9457 problem details. Invalid input gets 400 with
 * an {@code errors} array naming, for every broken rule, the field (or CSV row and column), the
 * rule and a message; bad input is counted ({@code fenghuo.unit.api.rejected}) and never reaches
 * the archive.
 */
@RestControllerAdvice
class ArchiveProblems extends ResponseEntityExceptionHandler {

  static final String TYPE_BASE = "https://fenghuo.io/problems/";

  private final MeterRegistry meters;

  ArchiveProblems(MeterRegistry meters) {
    this.meters = meters;
  }

  @ExceptionHandler(ArchiveException.Invalid.class)
  ProblemDetail invalid(ArchiveException.Invalid e) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-input",
            "Invalid input",
            e.violations().size() + " rule(s) broken; nothing was changed");
    problem.setProperty("errors", e.violations().stream().map(ArchiveProblems::error).toList());
    return problem;
  }

  @ExceptionHandler(ArchiveException.Conflict.class)
  ProblemDetail conflict(ArchiveException.Conflict e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
    problem.setProperty("errors", List.of(error(e.violation())));
    return problem;
  }

  @ExceptionHandler(ArchiveException.NotFound.class)
  ProblemDetail notFound(ArchiveException.NotFound e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler(ArchiveException.Forbidden.class)
  ProblemDetail forbidden(ArchiveException.Forbidden e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
  }

  /** A body Jackson cannot map: name the field it stopped at and why. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = "";
    String message = "the body is not valid JSON for this request";
    String rule = "json";
    if (ex.getCause() instanceof JacksonException jackson) {
      field = path(jackson);
      Throwable root = jackson.getCause();
      if (root instanceof IllegalArgumentException iae) {
        rule = "format";
        message = iae.getMessage();
      } else if (!field.isEmpty()) {
        rule = "type";
        message = jackson.getOriginalMessage();
        int cut = message.indexOf('\n');
        message = cut > 0 ? message.substring(0, cut) : message;
      }
    }
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", message);
    problem.setProperty("errors", List.of(error(new Violation(null, field, rule, message))));
    return ResponseEntity.badRequest().body(problem);
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    meters.counter("fenghuo.unit.api.rejected", "reason", type).increment();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  private static Map<String, Object> error(Violation v) {
    Map<String, Object> error = new LinkedHashMap<>();
    if (v.row() != null) {
      error.put("row", v.row());
      error.put("column", v.field());
    } else {
      error.put("field", v.field());
    }
    error.put("rule", v.rule());
    error.put("message", v.message());
    return error;
  }
}
