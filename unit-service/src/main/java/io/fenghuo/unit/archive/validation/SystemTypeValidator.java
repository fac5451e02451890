package io.fenghuo.unit.archive.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link SystemType}: GB/T 26875.3 table 4 defines 0 (通用), 1 (火灾报警系统) and 10–24 (联动控制器 …
 * 消防电话); 128–255 are user-defined; the rest is reserved.
 */
public class SystemTypeValidator implements ConstraintValidator<SystemType, Integer> {
  @Override
  public boolean isValid(Integer value, ConstraintValidatorContext context) {
    return value == null
        || value == 0
        || value == 1
        || (value >= 10 && value <= 24)
        || (value >= 128 && value <= 255);
  }
}
