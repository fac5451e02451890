package io.fenghuo.dispatch.incident;

/** A refused request: the API answers each kind with its own status. */
public abstract sealed class DispatchException extends RuntimeException {

  DispatchException(String message) {
    super(message);
  }

  /** Unknown, or not visible to the caller (another operator's incident). */
  public static final class NotFound extends DispatchException {
    public NotFound(String message) {
      super(message);
    }
  }

  /** The caller's role may not do this at all. */
  public static final class Forbidden extends DispatchException {
    public Forbidden(String message) {
      super(message);
    }
  }

  /** The request breaks a rule; {@link #field()} names what. */
  public static final class Invalid extends DispatchException {
    private final String field;

    public Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }
}
