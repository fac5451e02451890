package io.fenghuo.unit.archive.web;

import io.fenghuo.unit.archive.Violation;
import java.util.List;
import java.util.Map;

/** Renames the field paths of violations to the CSV columns they came from. */
final class CsvColumns {

  private CsvColumns() {}

  static List<Violation> toColumns(List<Violation> violations, Map<String, String> columns) {
    return violations.stream()
        .map(
            v ->
                v.row() == null || v.row() == 1 && !columns.containsKey(v.field())
                    ? v
                    : new Violation(v.row(), column(v.field(), columns), v.rule(), v.message()))
        .toList();
  }

  private static String column(String field, Map<String, String> columns) {
    String best = null;
    for (String path : columns.keySet()) {
      if ((field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "["))
          && (best == null || path.length() > best.length())) {
        best = path;
      }
    }
    return best == null ? field : columns.get(best);
  }
}
