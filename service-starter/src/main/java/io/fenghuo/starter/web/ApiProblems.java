package io.fenghuo.starter.web;

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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one way every service answers a refused request: an RFC 9457 problem detail with type {@code
 * https://fenghuo.io/problems/<type>}, counted in {@code fenghuo.<service>.api.rejected{reason}}.
 * Invalid input is 400 with an {@code errors} array naming, for every broken rule, the field (or
 * CSV row and column), the rule and a message; with one error its field is also {@code field}. A
 * body Jackson cannot map and a path or query parameter of the wrong type are answered here for
 * every service. A service's {@code @RestControllerAdvice} extends this and maps its own exceptions
 * with {@link #invalid}, {@link #conflict}, {@link #notFound} and {@link #forbidden}.
 */
public abstract class ApiProblems extends ResponseEntityExceptionHandler {

  public static final String TYPE_BASE = "https://fenghuo.io/problems/";

  /** One broken rule: {@code row} is the CSV row (then {@code field} is its column), or null. */
  public record FieldError(Integer row, String field, String rule, String message) {

    public static FieldError of(String field, String rule, String message) {
      return new FieldError(null, field, rule, message);
    }

    public Map<String, Object> asMap() {
      Map<String, Object> error = new LinkedHashMap<>();
      if (row != null) {
        error.put("row", row);
        error.put("column", field);
      } else {
        error.put("field", field);
      }
      error.put("rule", rule);
      error.put("message", message);
      return error;
    }
  }

  private final MeterRegistry meters;
  private final String counter;

  /**
   * @param service the counter's middle name: {@code fenghuo.<service>.api.rejected}
   */
  protected ApiProblems(MeterRegistry meters, String service) {
    this.meters = meters;
    this.counter = "fenghuo." + service + ".api.rejected";
  }

  /** 400 for one broken rule; the message is the detail. */
  protected ProblemDetail invalid(String field, String rule, String message) {
    return invalid(message, List.of(FieldError.of(field, rule, message)));
  }

  /** 400 with every broken rule. */
  protected ProblemDetail invalid(String detail, List<FieldError> errors) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
    problem.setProperty("errors", errors.stream().map(FieldError::asMap).toList());
    if (errors.size() == 1 && errors.get(0).row() == null) {
      problem.setProperty("field", errors.get(0).field());
    }
    return problem;
  }

  protected ProblemDetail conflict(String detail) {
    return problem(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
  }

  protected ProblemDetail notFound(String detail) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
  }

  protected ProblemDetail forbidden(String detail) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
  }

  protected ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    meters.counter(counter, "reason", type).increment();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  /** A path or query parameter that does not parse, e.g. {@code ?state=whatever}. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return invalid(e.getName(), "type", "'" + e.getValue() + "' is not a valid value");
  }

  /** A body Jackson cannot map: name the field it stopped at and why. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest().body(unreadable(ex));
  }

  ProblemDetail unreadable(HttpMessageNotReadableException ex) {
    String field = "";
    String rule = "json";
    String message = "the body is not valid JSON for this request";
    if (ex.getCause() instanceof JacksonException jackson) {
      field = path(jackson);
      if (jackson.getCause() instanceof IllegalArgumentException iae) {
        rule = "format";
        message = iae.getMessage();
      } else if (!field.isEmpty()) {
        rule = "type";
        message = firstLine(jackson.getOriginalMessage());
      }
    }
    String detail = field.isEmpty() ? message : field + ": " + message;
    return invalid(detail, List.of(FieldError.of(field, rule, message)));
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

  private static String firstLine(String message) {
    int cut = message.indexOf('\n');
    return cut > 0 ? message.substring(0, cut) : message;
  }
}
