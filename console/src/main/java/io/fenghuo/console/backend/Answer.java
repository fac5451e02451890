package io.fenghuo.console.backend;

import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.JacksonException;

/**
 * What a backend service answered: a value, or the problem a page shows instead (never a white
 * page).
 *
 * @param value the answer; null if there is a problem
 * @param problem null if the service answered as hoped
 * @param <T> the value's type
 */
public record Answer<T>(T value, Problem problem) {

  public static <T> Answer<T> of(T value) {
    return new Answer<>(Objects.requireNonNull(value, "value"), null);
  }

  public static <T> Answer<T> failed(Problem problem) {
    return new Answer<>(null, Objects.requireNonNull(problem, "problem"));
  }

  public boolean ok() {
    return problem == null;
  }

  /**
   * The value mapped, or this problem; an answer that cannot be read as expected (a JSON shape the
   * console does not know) becomes a {@link Problem.Kind#FAILED} problem.
   */
  public <R> Answer<R> map(Function<T, R> f) {
    if (!ok()) {
      return failed(problem);
    }
    try {
      R mapped = f.apply(value);
      return mapped != null
          ? Answer.of(mapped)
          : failed(new Problem(Problem.Kind.FAILED, 200, "empty answer"));
    } catch (JacksonException | IllegalArgumentException e) {
      return failed(new Problem(Problem.Kind.FAILED, 200, "unreadable answer: " + e.getMessage()));
    }
  }

  /**
   * Why the service gave no (good) answer.
   *
   * @param kind what kind of problem, for the message the page shows
   * @param status the HTTP status, 0 if there was no answer
   * @param detail the service's {@code detail} (RFC 9457) or the connection error; may be null
   */
  public record Problem(Kind kind, int status, String detail) {

    /** The kinds a page tells apart. */
    public enum Kind {
      /** No entry for the service in {@code fenghuo.console.services}. */
      NOT_CONFIGURED,
      /** No connection, or no answer in time: the service is down or unreachable. */
      UNREACHABLE,
      /** 404: no such alarm, or another operator's. */
      NOT_FOUND,
      /** 403: the user's role may not do this. */
      FORBIDDEN,
      /** 409: claimed by someone else, claim first, already closed. */
      CONFLICT,
      /** Another 4xx: the input was refused (the detail names the field or rule). */
      REFUSED,
      /** 5xx or an unreadable answer: the service failed. */
      FAILED;

      /** The message key of the words the page shows. */
      public String messageKey() {
        return "alarms.problem." + name();
      }
    }

    static Kind ofStatus(int status) {
      return switch (status) {
        case 404 -> Kind.NOT_FOUND;
        case 403, 401 -> Kind.FORBIDDEN;
        case 409 -> Kind.CONFLICT;
        default -> status >= 500 ? Kind.FAILED : Kind.REFUSED;
      };
    }
  }
}
