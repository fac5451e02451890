package io.fenghuo.unit.archive.web;

import io.fenghuo.unit.archive.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads typed cells of one CSV row, collecting a {@link Violation} (with the field path the value
 * belongs to) instead of failing for a cell it cannot read; that field is then null.
 */
final class CsvCells {

  private final Csv.Row row;
  private final List<Violation> problems;

  CsvCells(Csv.Row row, List<Violation> problems) {
    this.row = row;
    this.problems = problems;
  }

  String text(String column) {
    return row.get(column);
  }

  Integer integer(String column, String field) {
    return read(column, field, "integer", "must be a whole number", Integer::valueOf);
  }

  Long longValue(String column, String field) {
    return read(column, field, "integer", "must be a whole number", Long::valueOf);
  }

  Double decimal(String column, String field) {
    return read(column, field, "number", "must be a number", Double::valueOf);
  }

  BigDecimal bigDecimal(String column, String field) {
    return read(column, field, "number", "must be a number", BigDecimal::new);
  }

  LocalDate date(String column, String field) {
    return read(column, field, "date", "must be a date as YYYY-MM-DD", LocalDate::parse);
  }

  <E extends Enum<E>> E enumValue(String column, String field, Class<E> type) {
    return read(
        column,
        field,
        "one-of",
        "must be one of " + List.of(type.getEnumConstants()),
        v -> Enum.valueOf(type, v.toUpperCase(Locale.ROOT)));
  }

  /** Records a problem with a cell. */
  void problem(String field, String rule, String message) {
    problems.add(new Violation(row.number(), field, rule, message));
  }

  private <T> T read(
      String column, String field, String rule, String message, Function<String, T> parse) {
    String value = row.get(column);
    if (value == null) {
      return null;
    }
    try {
      return parse.apply(value);
    } catch (NumberFormatException | DateTimeParseException e) {
      problem(field, rule, message + ", got '" + abbreviate(value) + "'");
      return null;
    } catch (IllegalArgumentException e) {
      problem(field, rule, message + ", got '" + abbreviate(value) + "'");
      return null;
    }
  }

  static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 37) + "...";
  }
}
