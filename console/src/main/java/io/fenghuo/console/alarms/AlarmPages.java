package io.fenghuo.console.alarms;

import io.fenghuo.console.alarms.AlarmApi.Detail;
import io.fenghuo.console.alarms.AlarmApi.Policy;
import io.fenghuo.console.backend.Answer;
import io.fenghuo.console.security.ConsoleUser;
import io.fenghuo.console.security.CurrentUser;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alarm pages of one operator's monitoring centre: the live queue (the operator's home), an
 * alarm's detail with its actions, history, false-alarm statistics and the settings. The path names
 * the operator, so {@code TenantGuard} answers 404 to staff of another operator; the alarm-service
 * scopes every answer again by the relayed token.
 */
@Controller
@RequestMapping("/op/{operator}")
class AlarmPages {

  private final AlarmDesk desk;
  private final AlarmSearch search;

  AlarmPages(AlarmDesk desk, AlarmSearch search) {
    this.desk = desk;
    this.search = search;
  }

  @GetMapping
  String queuePage(@PathVariable String operator, Model model) {
    ConsoleUser user = user();
    model.addAttribute("operator", operator);
    model.addAttribute("canAct", AlarmAccess.mayAct(user));
    model.addAttribute("queue", desk.queue(AlarmAccess.operatorParameter(user, operator)));
    return "alarms/queue";
  }

  /** The queue alone, for htmx: re-read whenever the live stream says an alarm changed. */
  @GetMapping("/alarms/queue")
  String queueFragment(@PathVariable String operator, Model model) {
    ConsoleUser user = user();
    model.addAttribute("operator", operator);
    model.addAttribute("canAct", AlarmAccess.mayAct(user));
    model.addAttribute("queue", desk.queue(AlarmAccess.operatorParameter(user, operator)));
    return "alarms/fragments :: queue";
  }

  @GetMapping("/alarms")
  String alarms(@PathVariable String operator) {
    return "redirect:/op/" + operator;
  }

  @GetMapping("/alarms/{id:[A-Za-z0-9-]{8,64}}")
  String detail(@PathVariable String operator, @PathVariable String id, Model model) {
    ConsoleUser user = user();
    Answer<Detail> detail = desk.detail(id);
    if (detail.ok() && !operator.equals(detail.value().card().operator())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    if (!detail.ok() && detail.problem().kind() == Answer.Problem.Kind.NOT_FOUND) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("operator", operator);
    model.addAttribute("detail", detail);
    model.addAttribute("me", user.caller().subject());
    model.addAttribute("canAct", AlarmAccess.mayAct(user));
    model.addAttribute("canSupervise", AlarmAccess.maySupervise(user));
    model.addAttribute("backPath", "/op/" + operator);
    model.addAttribute("actionBase", "/op/" + operator + "/alarms/" + id);
    if (detail.ok() && detail.value().card().unitId() != null) {
      model.addAttribute(
          "boardPath", "/op/" + operator + "/facilities/units/" + detail.value().card().unitId());
    }
    model.addAttribute("dispatchPath", "/op/" + operator + "/alarms/" + id + "/dispatch");
    return "alarms/detail";
  }

  /** The 119 status alone, for htmx: re-read whenever the dispatch stream names this alarm. */
  @GetMapping("/alarms/{id:[A-Za-z0-9-]{8,64}}/dispatch")
  String dispatch(@PathVariable String operator, @PathVariable String id, Model model) {
    user();
    Answer<Detail> detail = desk.detail(id);
    if (detail.ok() && !operator.equals(detail.value().card().operator())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("dispatch", detail.ok() ? detail.value().dispatch() : null);
    return "alarms/fragments :: dispatch";
  }

  @PostMapping("/alarms/{id}/claim")
  String claim(
      @PathVariable String operator,
      @PathVariable String id,
      @RequestParam(defaultValue = "false") boolean takeOver,
      RedirectAttributes flash) {
    actor();
    return done(
        operator,
        id,
        desk.claim(id, takeOver),
        takeOver ? "alarms.done.takeover" : "alarms.done.claim",
        flash);
  }

  @PostMapping("/alarms/{id}/release")
  String release(@PathVariable String operator, @PathVariable String id, RedirectAttributes flash) {
    actor();
    return done(operator, id, desk.release(id), "alarms.done.release", flash);
  }

  @PostMapping("/alarms/{id}/calls")
  String call(
      @PathVariable String operator,
      @PathVariable String id,
      @RequestParam String contactName,
      @RequestParam(required = false) String phone,
      @RequestParam String outcome,
      @RequestParam(required = false) String note,
      RedirectAttributes flash) {
    actor();
    return done(
        operator, id, desk.call(id, contactName, phone, outcome, note), "alarms.done.call", flash);
  }

  @PostMapping("/alarms/{id}/notes")
  String note(
      @PathVariable String operator,
      @PathVariable String id,
      @RequestParam String text,
      RedirectAttributes flash) {
    actor();
    return done(operator, id, desk.note(id, text), "alarms.done.note", flash);
  }

  @PostMapping("/alarms/{id}/confirm")
  String confirm(
      @PathVariable String operator,
      @PathVariable String id,
      @RequestParam Map<String, String> form,
      RedirectAttributes flash) {
    actor();
    Map<String, String> fields = new LinkedHashMap<>();
    for (String f :
        List.of("fireLocation", "burningMaterial", "fireSize", "caller", "callerPhone", "notes")) {
      fields.put(f, form.get(f));
    }
    return done(operator, id, desk.confirm(id, fields), "alarms.done.confirm", flash);
  }

  @PostMapping("/alarms/{id}/dismiss")
  String dismiss(
      @PathVariable String operator,
      @PathVariable String id,
      @RequestParam String verdict,
      @RequestParam(required = false) String cause,
      @RequestParam(required = false) String notes,
      RedirectAttributes flash) {
    actor();
    String cleanCause = "TEST".equals(verdict) ? null : cause;
    return done(
        operator,
        id,
        desk.dismiss(id, verdict, cleanCause, notes),
        "TEST".equals(verdict) ? "alarms.done.test" : "alarms.done.dismiss",
        flash);
  }

  @GetMapping("/alarms/history")
  String history(
      @PathVariable String operator, @RequestParam Map<String, String> query, Model model) {
    ConsoleUser user = user();
    model.addAttribute("operator", operator);
    search.history(query, AlarmAccess.operatorParameter(user, operator), null, model);
    model.addAttribute("detailBase", "/op/" + operator + "/alarms/");
    model.addAttribute("formPath", "/op/" + operator + "/alarms/history");
    return "alarms/history";
  }

  @GetMapping("/alarms/statistics")
  String statistics(
      @PathVariable String operator, @RequestParam Map<String, String> query, Model model) {
    ConsoleUser user = user();
    model.addAttribute("operator", operator);
    search.statistics(query, AlarmAccess.operatorParameter(user, operator), model);
    return "alarms/statistics";
  }

  @GetMapping("/alarms/settings")
  String settings(@PathVariable String operator, Model model) {
    supervisor();
    model.addAttribute("operator", operator);
    model.addAttribute("policy", desk.policy());
    model.addAttribute("plans", desk.actionPlans());
    return "alarms/settings";
  }

  @PostMapping("/alarms/settings/policy")
  String policy(
      @PathVariable String operator,
      @RequestParam long unclaimedAfter,
      @RequestParam long unconfirmedAfter,
      @RequestParam long claimIdleTimeout,
      @RequestParam(defaultValue = "false") boolean forwardUnconfirmedTo119,
      @RequestParam long groupingWindow,
      @RequestParam int floodPoints,
      @RequestParam long floodWindow,
      RedirectAttributes flash) {
    supervisor();
    Policy policy =
        new Policy(
            Duration.ofSeconds(unclaimedAfter),
            Duration.ofSeconds(unconfirmedAfter),
            Duration.ofSeconds(claimIdleTimeout),
            forwardUnconfirmedTo119,
            Duration.ofMinutes(groupingWindow),
            floodPoints,
            Duration.ofMinutes(floodWindow));
    Answer<Policy> saved = desk.updatePolicy(policy);
    flash.addFlashAttribute(
        Flash.ATTRIBUTE, saved.ok() ? Flash.done("alarms.done.policy") : Flash.of(saved.problem()));
    return "redirect:/op/" + operator + "/alarms/settings";
  }

  @PostMapping("/alarms/settings/plans/{category}")
  String plan(
      @PathVariable String operator,
      @PathVariable String category,
      @RequestParam String steps,
      RedirectAttributes flash) {
    supervisor();
    List<String> lines =
        Arrays.stream(steps.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    Answer<Boolean> saved = desk.updateActionPlan(category, lines);
    flash.addFlashAttribute(
        Flash.ATTRIBUTE, saved.ok() ? Flash.done("alarms.done.plan") : Flash.of(saved.problem()));
    return "redirect:/op/" + operator + "/alarms/settings";
  }

  private String done(
      String operator, String id, Answer<?> answer, String doneKey, RedirectAttributes flash) {
    flash.addFlashAttribute(
        Flash.ATTRIBUTE, answer.ok() ? Flash.done(doneKey) : Flash.of(answer.problem()));
    return "redirect:/op/" + operator + "/alarms/" + id;
  }

  private static ConsoleUser user() {
    return CurrentUser.get()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
  }

  /** Supervision reads but does not act: the console does not even send the request. */
  private static void actor() {
    if (!AlarmAccess.mayAct(user())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
  }

  private static void supervisor() {
    if (!AlarmAccess.maySupervise(user())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
  }
}
