package io.fenghuo.console.dispatch;

import io.fenghuo.console.alarms.Flash;
import io.fenghuo.console.backend.Answer;
import io.fenghuo.console.dispatch.DispatchApi.IncidentDetail;
import io.fenghuo.console.security.ConsoleUser;
import io.fenghuo.console.security.CurrentUser;
import io.fenghuo.starter.security.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The fire alarm information terminal (火警信息终端) of the 119 command centre: the live list of
 * incidents from every operator (the dispatcher's home), one incident with the 签收 and dispatch
 * progress buttons, the history and the daily communication tests. The area is the dispatcher's and
 * the admin's ({@code /dispatch/**} in the security configuration); the dispatch-119 service checks
 * role and scope again on every call with the relayed token.
 */
@Controller
class TerminalPages {

  private static final String FLASH = "flash";

  private final DispatchDesk desk;

  TerminalPages(DispatchDesk desk) {
    this.desk = desk;
  }

  @GetMapping("/dispatch")
  String live(Model model) {
    model.addAttribute("incidents", desk.live());
    model.addAttribute("canAct", mayAct(user()));
    return "terminal/live";
  }

  /** The list alone, for htmx: re-read whenever the stream says an incident changed. */
  @GetMapping("/dispatch/incidents/live")
  String liveFragment(Model model) {
    model.addAttribute("incidents", desk.live());
    model.addAttribute("canAct", mayAct(user()));
    return "terminal/fragments :: live";
  }

  @GetMapping("/dispatch/incidents")
  String history(@RequestParam Map<String, String> query, Model model) {
    Map<String, String> filters = new LinkedHashMap<>();
    for (String f : DispatchDesk.FILTERS) {
      String v = query.get(f);
      if (v != null && !v.isBlank()) {
        filters.put(f, v.trim());
      }
    }
    model.addAttribute("filters", filters);
    model.addAttribute("incidents", desk.history(withDayBounds(filters)));
    return "terminal/history";
  }

  @GetMapping("/dispatch/incidents/{id:[A-Za-z0-9-]{8,64}}")
  String detail(@PathVariable String id, Model model) {
    Answer<IncidentDetail> detail = desk.detail(id);
    if (!detail.ok() && detail.problem().kind() == Answer.Problem.Kind.NOT_FOUND) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("detail", detail);
    model.addAttribute("canAct", mayAct(user()));
    model.addAttribute("stages", DispatchApi.STAGES);
    return "terminal/detail";
  }

  @PostMapping("/dispatch/incidents/{id}/acknowledge")
  String acknowledge(
      @PathVariable String id,
      @RequestParam(required = false) String note,
      RedirectAttributes flash) {
    actor();
    return done(id, desk.acknowledge(id, note), "terminal.done.acknowledge", flash);
  }

  @PostMapping("/dispatch/incidents/{id}/progress")
  String progress(
      @PathVariable String id,
      @RequestParam String stage,
      @RequestParam(required = false) String note,
      RedirectAttributes flash) {
    actor();
    return done(id, desk.progress(id, stage, note), "terminal.done.progress", flash);
  }

  @GetMapping("/dispatch/communication-tests")
  String tests(Model model) {
    model.addAttribute("tests", desk.communicationTests());
    model.addAttribute("canAct", mayAct(user()));
    return "terminal/tests";
  }

  @PostMapping("/dispatch/communication-tests")
  String runTest(RedirectAttributes flash) {
    actor();
    Answer<Boolean> run = desk.runCommunicationTest();
    flash.addFlashAttribute(FLASH, flashOf(run, "terminal.done.test-run"));
    return "redirect:/dispatch/communication-tests";
  }

  @PostMapping("/dispatch/communication-tests/{id}/acknowledge")
  String answerTest(@PathVariable String id, RedirectAttributes flash) {
    actor();
    Answer<Boolean> answered = desk.answerCommunicationTest(id);
    flash.addFlashAttribute(FLASH, flashOf(answered, "terminal.done.test-answer"));
    return "redirect:/dispatch/communication-tests";
  }

  // ---------------------------------------------------------------------------------------------

  /** A date-only filter ({@code 2026-11-28}) is a whole day in Beijing time. */
  static Map<String, String> withDayBounds(Map<String, String> filters) {
    Map<String, String> out = new LinkedHashMap<>(filters);
    for (String f : new String[] {"from", "to"}) {
      String v = out.get(f);
      if (v != null && v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        java.time.LocalDate day = java.time.LocalDate.parse(v);
        if (f.equals("to")) {
          day = day.plusDays(1);
        }
        out.put(
            f,
            day.atStartOfDay(io.fenghuo.console.web.WebConfiguration.DEFAULT_ZONE)
                .toInstant()
                .toString());
      }
    }
    return out;
  }

  private String done(String id, Answer<?> answer, String doneKey, RedirectAttributes flash) {
    flash.addFlashAttribute(FLASH, flashOf(answer, doneKey));
    return "redirect:/dispatch/incidents/" + (DispatchDesk.ID.matcher(id).matches() ? id : "");
  }

  private static Flash flashOf(Answer<?> answer, String doneKey) {
    return answer.ok()
        ? new Flash(true, doneKey, 0, null)
        : new Flash(
            false,
            "terminal.problem." + answer.problem().kind().name(),
            answer.problem().status(),
            answer.problem().detail());
  }

  /** 签收 and progress: the 119 dispatcher and the admin, as the service allows. */
  static boolean mayAct(ConsoleUser user) {
    return user.hasAny(Role.DISPATCHER_119, Role.ADMIN);
  }

  private static ConsoleUser user() {
    return CurrentUser.get()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
  }

  private static void actor() {
    if (!mayAct(user())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
  }
}
