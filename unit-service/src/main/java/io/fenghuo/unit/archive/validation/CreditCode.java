package io.fenghuo.unit.archive.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015) whose check character is right. Null is
 * valid (combine with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = CreditCodeValidator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE,
  ElementType.METHOD,
  ElementType.TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface CreditCode {
  /** The message. */
  String message() default
      "must be an 18-character unified social credit code (GB 32100-2015) with a valid check character";

  /** Validation groups. */
  Class<?>[] groups() default {};

  /** Payload. */
  Class<? extends Payload>[] payload() default {};
}
