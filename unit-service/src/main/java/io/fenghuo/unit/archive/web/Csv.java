package io.fenghuo.unit.archive.web;

import io.fenghuo.unit.archive.ArchiveException;
import io.fenghuo.unit.archive.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV document (RFC 4180: comma separated, double-quoted fields with {@code ""} for a quote, CRLF
 * or LF line ends) with a header row naming the columns; a UTF-8 byte order mark, as Excel writes
 * it, is ignored. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
final class Csv {

  /** More rows than this are refused: a bulk import, not a database dump. */
  static final int MAX_ROWS = 20_000;

  private final List<String> header;
  private final List<Row> rows;

  private Csv(List<String> header, List<Row> rows) {
    this.header = header;
    this.rows = rows;
  }

  /**
   * One data row.
   *
   * @param number the row number, header = 1
   * @param values by column name; missing trailing cells are empty
   */
  record Row(int number, Map<String, String> values) {

    /** The trimmed cell, or null if empty. */
    String get(String column) {
      String value = values.get(column);
      if (value == null) {
        return null;
      }
      String trimmed = value.strip();
      return trimmed.isEmpty() ? null : trimmed;
    }
  }

  /**
   * Parses a document, checking its header against the known and required columns.
   *
   * @throws ArchiveException.Invalid naming the header problems (row 1) or a malformed document
   */
  static Csv parse(String text, Set<String> known, Set<String> required) {
    List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
    if (records.isEmpty()) {
      throw invalid(1, "", "header", "the file is empty; expected a header row");
    }
    List<String> header =
        records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    List<Violation> problems = new ArrayList<>();
    for (String column : header) {
      if (!known.contains(column)) {
        problems.add(
            new Violation(1, column, "known-column", "unknown column; expected some of " + known));
      }
    }
    for (String column : required) {
      if (!header.contains(column)) {
        problems.add(new Violation(1, column, "required-column", "required column is missing"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ArchiveException.Invalid(problems);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> cells = records.get(i);
      if (cells.stream().allMatch(c -> c.isBlank())) {
        continue;
      }
      if (cells.size() > header.size()) {
        throw invalid(i + 1, "", "column-count", "row has more cells than the header");
      }
      Map<String, String> values = new HashMap<>();
      for (int c = 0; c < cells.size(); c++) {
        values.put(header.get(c), cells.get(c));
      }
      rows.add(new Row(i + 1, values));
    }
    if (rows.size() > MAX_ROWS) {
      throw invalid(MAX_ROWS + 2, "", "max-rows", "at most " + MAX_ROWS + " rows per file");
    }
    return new Csv(header, rows);
  }

  List<String> header() {
    return header;
  }

  List<Row> rows() {
    return rows;
  }

  private static ArchiveException.Invalid invalid(
      int row, String column, String rule, String message) {
    return new ArchiveException.Invalid(List.of(new Violation(row, column, rule, message)));
  }

  /** Splits the text into records of fields; a quoted field may contain commas and line ends. */
  private static List<List<String>> records(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          quoted = true;
          any = true;
        }
        case ',' -> {
          record.add(field.toString());
          field.setLength(0);
          any = true;
        }
        case '\r' -> {}
        case '\n' -> {
          record.add(field.toString());
          records.add(record);
          record = new ArrayList<>();
          field.setLength(0);
          any = false;
          line++;
        }
        default -> {
          field.append(c);
          any = true;
        }
      }
    }
    if (quoted) {
      throw invalid(line, "", "quotes", "a quoted field is not closed");
    }
    if (any || field.length() > 0) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
