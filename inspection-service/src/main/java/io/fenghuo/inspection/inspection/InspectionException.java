package io.fenghuo.inspection.inspection;

/**
 * Why a command or query was refused. Each kind maps to one HTTP status in the web adapter; nothing
 * is stored when one is thrown.
 */
public abstract sealed class InspectionException extends RuntimeException {

  private InspectionException(String message) {
    super(message);
  }

  /** The thing does not exist, or the caller may not see it (never reveals which). */
  public static final class NotFound extends InspectionException {
    public NotFound(String what) {
      super(what + " not found");
    }
  }

  /** The caller's role may not do this at all. */
  public static final class Forbidden extends InspectionException {
    public Forbidden(String why) {
      super(why);
    }
  }

  /** The command does not fit the alarm's state, e.g. claimed by someone else or closed. */
  public static final class Conflict extends InspectionException {
    public Conflict(String why) {
      super(why);
    }
  }

  /** The input breaks a rule; the message names the field. */
  public static final class Invalid extends InspectionException {
    private final String field;

    public Invalid(String field, String message) {
      super(field + ": " + message);
      this.field = field;
    }

    /** The offending field. */
    public String field() {
      return field;
    }
  }
}
