package io.fenghuo.console.alarms;

import io.fenghuo.console.alarms.AlarmApi.FalseAlarmStatistics;
import io.fenghuo.console.alarms.AlarmApi.HistoryPage;
import io.fenghuo.console.alarms.AlarmApi.UnitRate;
import io.fenghuo.console.backend.Answer;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * History search and false-alarm statistics: the page's filters (times in the user's zone) become
 * the alarm-service's query (ISO instants); values the service would refuse are dropped here and
 * named on the page.
 */
@Component
class AlarmSearch {

  static final Set<String> STATES = Set.of("OPEN", "CLAIMED", "CONFIRMED", "DISMISSED");
  static final Set<String> VERDICTS = Set.of("TRUE_FIRE", "FALSE_ALARM", "TEST");
  static final Set<String> CATEGORIES = Set.of("FIRE", "SUPERVISORY", "OTHER");
  static final int PAGE_SIZE = 20;

  private final AlarmDesk desk;

  AlarmSearch(AlarmDesk desk) {
    this.desk = desk;
  }

  /**
   * Fills the model of the history page.
   *
   * @param query the page's request parameters
   * @param operator {@code ?operator=} for admin and supervision, else null
   * @param unit a fixed unit (a unit manager's own), else null (then the form's unit applies)
   */
  void history(Map<String, String> query, String operator, String unit, Model model) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String k : List.of("unit", "state", "verdict", "category", "from", "to")) {
      form.put(k, query.getOrDefault(k, "").trim());
    }
    if (unit != null) {
      form.put("unit", unit);
    }
    int page = Math.max(0, parseInt(query.get("page")));
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("unit", form.get("unit"));
    filters.put("state", STATES.contains(form.get("state")) ? form.get("state") : "");
    filters.put("verdict", VERDICTS.contains(form.get("verdict")) ? form.get("verdict") : "");
    filters.put("category", CATEGORIES.contains(form.get("category")) ? form.get("category") : "");
    filters.put("from", instant(form.get("from")));
    filters.put("to", instant(form.get("to")));
    filters.put("page", String.valueOf(page));
    filters.put("size", String.valueOf(PAGE_SIZE));
    Answer<HistoryPage> result = desk.history(filters, operator);
    model.addAttribute("form", form);
    model.addAttribute("result", result);
    model.addAttribute("badTime", badTime(form.get("from")) || badTime(form.get("to")));
    model.addAttribute("previousQuery", pageQuery(form, page - 1));
    model.addAttribute("nextQuery", pageQuery(form, page + 1));
  }

  void statistics(Map<String, String> query, String operator, Model model) {
    String from = query.getOrDefault("from", "").trim();
    String to = query.getOrDefault("to", "").trim();
    Answer<FalseAlarmStatistics> result = desk.falseAlarms(instant(from), instant(to), operator);
    model.addAttribute("form", Map.of("from", from, "to", to));
    model.addAttribute("result", result);
    model.addAttribute("badTime", badTime(from) || badTime(to));
    model.addAttribute("chart", result.ok() ? chart(result.value().units()) : "{}");
  }

  /** The chart's data (ECharts bar): the 15 units with the most false alarms. */
  static String chart(List<UnitRate> units) {
    List<UnitRate> top = units.stream().limit(15).toList();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(
        "units",
        top.stream()
            .map(u -> u.unitName() != null && !u.unitName().isBlank() ? u.unitName() : u.unitId())
            .toList());
    data.put("falseAlarms", top.stream().map(UnitRate::falseAlarms).toList());
    data.put("tests", top.stream().map(UnitRate::tests).toList());
    data.put("trueFires", top.stream().map(UnitRate::trueFires).toList());
    return AlarmDesk.JSON.writeValueAsString(data);
  }

  /** A {@code datetime-local} value in the user's zone as an ISO instant, or blank. */
  static String instant(String local) {
    return instant(local, zone());
  }

  static String instant(String local, ZoneId zone) {
    if (local == null || local.isBlank()) {
      return "";
    }
    try {
      return LocalDateTime.parse(local).atZone(zone).toInstant().toString();
    } catch (DateTimeParseException e) {
      return "";
    }
  }

  private static boolean badTime(String local) {
    return local != null && !local.isBlank() && instant(local).isEmpty();
  }

  private static ZoneId zone() {
    return LocaleContextHolder.getTimeZone().toZoneId();
  }

  private static String pageQuery(Map<String, String> form, int page) {
    UriComponentsBuilder b = UriComponentsBuilder.newInstance();
    form.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            b.queryParam(k, v);
          }
        });
    b.queryParam("page", Math.max(page, 0));
    return b.encode().build().toUriString();
  }

  private static int parseInt(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
