package io.fenghuo.unit.archive;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Checks input against its declared rules and names every broken one as a {@link Violation}. */
public final class InputRules {

  private final Validator validator;

  /**
   * @param validator a Jakarta Bean Validation validator
   */
  public InputRules(Validator validator) {
    this.validator = Objects.requireNonNull(validator, "validator");
  }

  /** The broken rules of an input, ordered by field; empty if it is valid. */
  public List<Violation> check(Object input) {
    return validator.validate(input).stream()
        .map(InputRules::toViolation)
        .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::rule))
        .toList();
  }

  /**
   * @throws ArchiveException.Invalid listing every broken rule, if there is one
   */
  public void require(Object input) {
    List<Violation> violations = check(input);
    if (!violations.isEmpty()) {
      throw new ArchiveException.Invalid(violations);
    }
  }

  private static Violation toViolation(ConstraintViolation<?> v) {
    String annotation =
        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return new Violation(null, v.getPropertyPath().toString(), kebab(annotation), v.getMessage());
  }

  /** {@code NotBlank} → {@code not-blank}: stable rule names independent of Java. */
  static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
