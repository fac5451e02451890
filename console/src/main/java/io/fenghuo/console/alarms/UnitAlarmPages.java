package io.fenghuo.console.alarms;

import io.fenghuo.console.alarms.AlarmApi.Detail;
import io.fenghuo.console.backend.Answer;
import io.fenghuo.console.security.ConsoleUser;
import io.fenghuo.console.security.CurrentUser;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A networked unit's own alarms, read-only (the alarm-service gives a unit manager its unit's
 * alarms and refuses every action). {@code TenantGuard} keeps other units' pages at 404.
 */
@Controller
@RequestMapping("/unit/{unit}/alarms")
class UnitAlarmPages {

  private final AlarmDesk desk;
  private final AlarmSearch search;

  UnitAlarmPages(AlarmDesk desk, AlarmSearch search) {
    this.desk = desk;
    this.search = search;
  }

  @GetMapping
  String history(@PathVariable String unit, @RequestParam Map<String, String> query, Model model) {
    model.addAttribute("unit", unit);
    search.history(query, null, unit, model);
    model.addAttribute("detailBase", "/unit/" + unit + "/alarms/");
    model.addAttribute("formPath", "/unit/" + unit + "/alarms");
    model.addAttribute("fixedUnit", unit);
    return "alarms/history";
  }

  @GetMapping("/{id:[A-Za-z0-9-]{8,64}}")
  String detail(@PathVariable String unit, @PathVariable String id, Model model) {
    ConsoleUser user =
        CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    Answer<Detail> detail = desk.detail(id);
    boolean missing =
        detail.ok()
            ? !unit.equals(detail.value().card().unitId())
            : detail.problem().kind() == Answer.Problem.Kind.NOT_FOUND;
    if (missing) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("unit", unit);
    model.addAttribute("detail", detail);
    model.addAttribute("me", user.caller().subject());
    model.addAttribute("canAct", false);
    model.addAttribute("canSupervise", false);
    model.addAttribute("backPath", "/unit/" + unit + "/alarms");
    model.addAttribute("boardPath", "/unit/" + unit + "/facilities");
    model.addAttribute("actionBase", "");
    return "alarms/detail";
  }
}
