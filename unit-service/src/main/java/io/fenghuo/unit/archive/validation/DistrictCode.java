package io.fenghuo.unit.archive.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An administrative district code of GB/T 2260: six digits, a province that exists. Null is valid
 * (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = DistrictCodeValidator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE,
  ElementType.METHOD,
  ElementType.TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface DistrictCode {
  /** The message. */
  String message() default
      "must be a 6-digit administrative district code (GB/T 2260) of a known province";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload. */
  Class<? extends Payload>[] payload() default {};
}
