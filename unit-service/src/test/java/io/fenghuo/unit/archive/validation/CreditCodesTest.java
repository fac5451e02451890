package io.fenghuo.unit.archive.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodesTest {

  @Test
  void acceptsAWidelyQuotedValidCode() {
    assertThat(CreditCodes.isValid("91350100M000100Y43")).isTrue();
  }

  @Test
  void refusesAWrongCheckCharacter() {
    assertThat(CreditCodes.isValid("91350100M000100Y44")).isFalse();
  }

  @Test
  void refusesLettersOutsideTheAlphabetAndWrongLengths() {
    assertThat(CreditCodes.isValid("91350100M0001O0Y43")).isFalse();
    assertThat(CreditCodes.isValid("91350100M000100Y4")).isFalse();
    assertThat(CreditCodes.isValid("9135A100M000100Y43")).isFalse();
  }

  @Test
  void theCheckCharacterMakesAnyBodyValid() {
    String body = "91330106MA2XXXXX1".replace('X', '7');

    assertThat(CreditCodes.isValid(body + CreditCodes.checkCharacter(body))).isTrue();
  }
}
