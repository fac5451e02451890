package io.fenghuo.unit.archive.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;

/** Checks {@link Phone}. */
public class PhoneValidator implements ConstraintValidator<Phone, String> {

  private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,32}");

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null || PHONE.matcher(value).matches();
  }
}
