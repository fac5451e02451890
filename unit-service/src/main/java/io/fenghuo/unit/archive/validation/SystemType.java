package io.fenghuo.unit.archive.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A building fire facility system type of GB/T 26875.3 table 4, or a user-defined one. Null is
 * valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = SystemTypeValidator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE,
  ElementType.METHOD,
  ElementType.TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface SystemType {
  /** The message. */
  String message() default
      "must be a GB/T 26875.3 table 4 system type (0, 1, 10-24) or a user-defined type (128-255)";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload. */
  Class<? extends Payload>[] payload() default {};
}
