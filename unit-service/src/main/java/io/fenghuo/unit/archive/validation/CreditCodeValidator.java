package io.fenghuo.unit.archive.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link CreditCode}. */
public class CreditCodeValidator implements ConstraintValidator<CreditCode, String> {
  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || CreditCodes.isValid(value);
  }
}
