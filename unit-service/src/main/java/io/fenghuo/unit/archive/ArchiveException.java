package io.fenghuo.unit.archive;

import java.util.List;

/**
 * Why an archive command was refused. Each kind maps to one HTTP status in the web adapter; the
 * archive is unchanged whenever one is thrown.
 */
public abstract sealed class ArchiveException extends RuntimeException {

  private ArchiveException(String message) {
    super(message);
  }

  /** The thing does not exist, or the caller may not see it (never reveals which). */
  public static final class NotFound extends ArchiveException {
    /**
     * @param what e.g. {@code unit U-1}
     */
    public NotFound(String what) {
      super(what + " not found");
    }
  }

  /** The caller's role may not do this at all. */
  public static final class Forbidden extends ArchiveException {
    /**
     * @param why the reason, for people
     */
    public Forbidden(String why) {
      super(why);
    }
  }

  /** The command contradicts the stored archive, e.g. a device already bound elsewhere. */
  public static final class Conflict extends ArchiveException {
    private final Violation violation;

    /**
     * @param field the offending field
     * @param rule the rule's name
     * @param message for people
     */
    public Conflict(String field, String rule, String message) {
      super(message);
      this.violation = new Violation(null, field, rule, message);
    }

    /** The violated rule. */
    public Violation violation() {
      return violation;
    }
  }

  /** The input breaks rules; every broken rule is listed, not only the first. */
  public static final class Invalid extends ArchiveException {
    private final List<Violation> violations;

    /**
     * @param violations at least one
     */
    public Invalid(List<Violation> violations) {
      super(violations.size() + " invalid field(s): " + violations.get(0).message());
      this.violations = List.copyOf(violations);
    }

    /** Every broken rule. */
    public List<Violation> violations() {
      return violations;
    }
  }
}
