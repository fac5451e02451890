package io.fenghuo.console.facilities;

import io.fenghuo.console.alarms.Flash;
import io.fenghuo.console.backend.Answer;
import io.fenghuo.console.backend.ServiceCalls;
import io.fenghuo.console.facilities.InspectionApi.Board;
import io.fenghuo.console.facilities.InspectionApi.Day;
import io.fenghuo.console.facilities.InspectionApi.FaultDetail;
import io.fenghuo.console.facilities.InspectionApi.FaultPage;
import io.fenghuo.console.facilities.InspectionApi.Integrity;
import io.fenghuo.console.security.ConsoleUser;
import io.fenghuo.starter.security.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the facility pages of the operator area and of the unit area share: the board, fault lists
 * and detail, polls and the integrity chart, read from the inspection-service and put on the model.
 * The controllers only say which paths and which tenant.
 */
@Component
class FacilityViews {

  /** The fault kinds of {@code fire.op.<op>.fault} (docs/streams/fault.md). */
  static final List<String> KINDS =
      List.of(
          "POINT_FAULT",
          "POINT_POWER_FAULT",
          "POINT_DISABLED",
          "SYSTEM_FAULT",
          "SYSTEM_DISABLED",
          "MAIN_POWER_FAULT",
          "BACKUP_POWER_FAULT",
          "BUS_FAULT",
          "UITD_FAULT",
          "UITD_POWER_FAULT",
          "UITD_LINK_FAULT",
          "COMMUNICATION_FAULT");

  static final Set<String> STATES = Set.of("open", "closed", "all");
  static final Set<String> LIVENESS = Set.of("ONLINE", "OFFLINE", "UNKNOWN");
  static final int PAGE_SIZE = 20;
  static final int CHART_DAYS = 30;

  private final InspectionDesk desk;

  FacilityViews(InspectionDesk desk) {
    this.desk = desk;
  }

  /**
   * The board page's model. Answers 404 if the unit is not the tenant's ({@code owns} says no to
   * the board's unit), as the service does for another operator's unit.
   */
  void board(
      Model model, String unit, FacilityPaths paths, ConsoleUser user, Predicate<Board> owns) {
    Answer<Board> board = boardOf(unit, owns);
    model.addAttribute("unitId", unit);
    model.addAttribute("board", board);
    model.addAttribute("paths", paths);
    model.addAttribute("boardPath", paths.board(unit));
    model.addAttribute("openFaults", openFaultsOf(unit, board, user));
    model.addAttribute("polls", desk.polls(unit, 20));
    model.addAttribute("period", desk.pollPeriod(unit));
    model.addAttribute("canPoll", FacilityAccess.mayPoll(user));
    model.addAttribute("canSetPeriod", FacilityAccess.maySetPollPeriod(user));
    model.addAttribute("canAct", FacilityAccess.mayRecordWorkOrders(user));
    integrity(model, "units", unit);
  }

  /** The board fragment the page re-reads on every fault event of its scope. */
  void boardFragment(
      Model model, String unit, FacilityPaths paths, ConsoleUser user, Predicate<Board> owns) {
    Answer<Board> board = boardOf(unit, owns);
    model.addAttribute("unitId", unit);
    model.addAttribute("board", board);
    model.addAttribute("paths", paths);
    model.addAttribute("openFaults", openFaultsOf(unit, board, user));
    model.addAttribute("canAct", FacilityAccess.mayRecordWorkOrders(user));
  }

  private Answer<Board> boardOf(String unit, Predicate<Board> owns) {
    Answer<Board> board = desk.board(unit);
    boolean missing =
        board.ok()
            ? !owns.test(board.value())
            : board.problem().kind() == Answer.Problem.Kind.NOT_FOUND;
    if (missing) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return board;
  }

  /**
   * The unit's open faults. Admin and supervision name the unit's operator (the service needs it on
   * lists); operator staff and the unit manager are scoped by their token.
   */
  private Answer<FaultPage> openFaultsOf(String unit, Answer<Board> board, ConsoleUser user) {
    String operator = null;
    if (user.hasAny(Role.ADMIN, Role.SUPERVISION) && !user.isOperatorStaff()) {
      operator =
          board.ok() && board.value().unit() != null ? board.value().unit().operator() : null;
    }
    return desk.faults(Map.of("state", "open", "unit", unit, "size", "100"), operator);
  }

  /** The open faults of an operator (overview), newest first. */
  Answer<FaultPage> openFaults(String operatorParameter) {
    return desk.faults(Map.of("state", "open", "size", "100"), operatorParameter);
  }

  /**
   * The fault search: the page's filters (times in the user's zone) become the service's query;
   * values the service would refuse are dropped here.
   *
   * @param fixedUnit the unit manager's own unit, else null (then the form's unit applies)
   */
  void faults(Model model, Map<String, String> query, String operator, String fixedUnit) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String k : List.of("state", "unit", "kind", "from", "to")) {
      form.put(k, query.getOrDefault(k, "").trim());
    }
    if (!STATES.contains(form.get("state"))) {
      form.put("state", "open");
    }
    if (fixedUnit != null) {
      form.put("unit", fixedUnit);
    }
    if (!InspectionDesk.UNIT_ID.matcher(form.get("unit")).matches()) {
      form.put("unit", "");
    }
    if (!KINDS.contains(form.get("kind"))) {
      form.put("kind", "");
    }
    int page = Math.max(0, parseInt(query.get("page")));
    Map<String, String> filters = new LinkedHashMap<>(form);
    filters.put("from", instant(form.get("from")));
    filters.put("to", instant(form.get("to")));
    filters.put("page", String.valueOf(page));
    filters.put("size", String.valueOf(PAGE_SIZE));
    model.addAttribute("form", form);
    model.addAttribute("kinds", KINDS);
    model.addAttribute("result", desk.faults(filters, operator));
    model.addAttribute(
        "badTime",
        (!form.get("from").isEmpty() && filters.get("from").isEmpty())
            || (!form.get("to").isEmpty() && filters.get("to").isEmpty()));
    model.addAttribute("previousQuery", pageQuery(form, page - 1));
    model.addAttribute("nextQuery", pageQuery(form, page + 1));
  }

  /**
   * A fault's detail; 404 if it is not the tenant's ({@code owns} says no), as the service does.
   */
  Answer<FaultDetail> fault(String id, Predicate<FaultDetail> owns) {
    Answer<FaultDetail> detail = desk.fault(id);
    boolean missing =
        detail.ok()
            ? !owns.test(detail.value())
            : detail.problem().kind() == Answer.Problem.Kind.NOT_FOUND;
    if (missing) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return detail;
  }

  /** Accept or report repaired; the outcome is the next page's message. */
  void workOrder(String id, String step, String note, RedirectAttributes flash) {
    Answer<FaultDetail> done =
        "repaired".equals(step) ? desk.repaired(id, note) : desk.accept(id, note);
    flash(
        flash,
        done,
        "repaired".equals(step) ? "facilities.done.repaired" : "facilities.done.accept");
  }

  void pollNow(String unit, RedirectAttributes flash) {
    flash(flash, desk.pollNow(unit), "facilities.done.poll");
  }

  /** Sets ({@code minutes}) or resets (blank) the unit's own poll period. */
  void pollPeriod(String unit, String minutes, RedirectAttributes flash) {
    Integer value = minutes == null || minutes.isBlank() ? null : parseInt(minutes);
    flash(flash, desk.setPollPeriod(unit, value), "facilities.done.period");
  }

  /** The integrity chart of a unit or an operator over the last {@value #CHART_DAYS} days. */
  void integrity(Model model, String scope, String id) {
    LocalDate today = LocalDate.now(zone());
    Answer<Integrity> integrity =
        desk.integrity(scope, id, today.minusDays(CHART_DAYS - 1).toString(), today.toString());
    model.addAttribute("integrity", integrity);
    model.addAttribute("chart", integrity.ok() ? chart(integrity.value().days()) : "{}");
  }

  /** The chart's data (ECharts line): per day the integrity rate in percent (null: no points). */
  static String chart(List<Day> days) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("dates", days.stream().map(d -> d.date().toString()).toList());
    data.put(
        "rates",
        days.stream()
            .map(d -> d.integrity() == null ? null : Math.round(d.integrity() * 10000) / 100.0)
            .toList());
    return ServiceCalls.JSON.writeValueAsString(data);
  }

  private static void flash(RedirectAttributes flash, Answer<?> answer, String doneKey) {
    flash.addFlashAttribute(
        Flash.ATTRIBUTE,
        answer.ok()
            ? Flash.done(doneKey)
            : new Flash(
                false,
                "facilities.problem." + answer.problem().kind(),
                answer.problem().status(),
                answer.problem().detail()));
  }

  /** A {@code datetime-local} value in the user's zone as an ISO instant, or blank. */
  static String instant(String local) {
    if (local == null || local.isBlank()) {
      return "";
    }
    try {
      return LocalDateTime.parse(local).atZone(zone()).toInstant().toString();
    } catch (DateTimeParseException e) {
      return "";
    }
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
