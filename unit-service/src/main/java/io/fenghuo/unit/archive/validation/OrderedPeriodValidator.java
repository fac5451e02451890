package io.fenghuo.unit.archive.validation;

import io.fenghuo.unit.archive.Period;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link OrderedPeriod}; the violation is reported on the {@code to} field. */
public class OrderedPeriodValidator implements ConstraintValidator<OrderedPeriod, Period> {
  @Override
  public boolean isValid(Period value, ConstraintValidatorContext context) {
    if (value == null || value.from() == null || value.to() == null) {
      return true;
    }
    if (!value.to().isBefore(value.from())) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context
        .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
        .addPropertyNode("to")
        .addConstraintViolation();
    return false;
  }
}
