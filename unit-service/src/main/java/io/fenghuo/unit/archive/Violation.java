package io.fenghuo.unit.archive;

/**
 * One broken input rule.
 *
 * @param row the CSV row (1 = header), or null for a JSON request
 * @param field the field as a dotted path relative to the request body (e.g. {@code
 *     profile.contacts[0].phone}); a CSV adapter maps it to a column
 * @param rule the rule's stable name in kebab case, e.g. {@code not-blank}, {@code credit-code}
 * @param message what is wrong, for people
 */
public record Violation(Integer row, String field, String rule, String message) {

  /** The same violation, located in a CSV row. */
  public Violation atRow(int csvRow) {
    return new Violation(csvRow, field, rule, message);
  }

  /** The same violation with its field path prefixed, e.g. by the list element it belongs to. */
  public Violation under(String prefix) {
    return new Violation(row, prefix + (field.isEmpty() ? "" : "." + field), rule, message);
  }
}
