package io.fenghuo.unit.archive.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A phone number as people write it: 3–32 digits, {@code +}, {@code -}, parentheses and spaces.
 * Null is valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = PhoneValidator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE,
  ElementType.METHOD,
  ElementType.TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface Phone {
  /** The message. */
  String message() default
      "must be a phone number: 3-32 characters of digits, +, -, (, ) and spaces";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload. */
  Class<? extends Payload>[] payload() default {};
}
