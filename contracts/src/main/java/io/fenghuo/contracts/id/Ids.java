package io.fenghuo.contracts.id;

import java.util.regex.Pattern;

/** Shared checks for the identifier value types, so every one rejects bad input the same way. */
final class Ids {

  private Ids() {}

  static void requireMatch(String what, String value, Pattern pattern, String rule) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " '" + abbreviate(value) + "' is invalid: expected " + rule);
    }
  }

  /** Keeps error messages readable when an attacker sends a megabyte of garbage. */
  static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 61) + "...";
  }
}
