package io.fenghuo.unit.archive.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks {@link DistrictCode}: six digits whose first two are a province of GB/T 2260 (11–15,
 * 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82). The full list of counties changes yearly, so it
 * is not checked here.
 */
public class DistrictCodeValidator implements ConstraintValidator<DistrictCode, String> {

  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
  private static final Set<String> PROVINCES =
      Set.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65", "71", "81", "82");

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return value == null
        || (SIX_DIGITS.matcher(value).matches() && PROVINCES.contains(value.substring(0, 2)));
  }
}
