package io.fenghuo.console.facilities;

import io.fenghuo.console.security.ConsoleUser;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The maintenance company's (维保单位) area: the fault work orders assigned to the company, of every
 * operator whose units it maintains (issue 9), where its staff record 已受理 and 已维修. The company
 * comes from the session (the {@code maintenance_company} claim), never from the URL; the
 * inspection-service scopes every call by the same claim of the relayed token, and a fault assigned
 * to another company is 404 here as there. No boards, devices or polls: those stay with the
 * operators and the unit.
 */
@Controller
@RequestMapping("/maintenance")
class MaintenancePages {

  /** The maintenance area: no unit boards to link to, the home page as the "queue". */
  static final FacilityPaths PATHS =
      new FacilityPaths(null, false, "/maintenance/faults", "/maintenance/faults/", "/maintenance");

  private final FacilityViews views;

  MaintenancePages(FacilityViews views) {
    this.views = views;
  }

  /** The company's open work orders, newest first, re-read on each of its fault events. */
  @GetMapping
  String home(Model model) {
    ConsoleUser user = FacilityAccess.user();
    model.addAttribute("company", user.maintenanceCompany());
    model.addAttribute("paths", PATHS);
    model.addAttribute("openFaults", views.openFaults(null));
    model.addAttribute("showUnit", true);
    return "maintenance/home";
  }

  /** The open work orders alone, for htmx. */
  @GetMapping("/open-faults")
  String openFaults(Model model) {
    model.addAttribute("paths", PATHS);
    model.addAttribute("openFaults", views.openFaults(null));
    model.addAttribute("showUnit", true);
    return "facilities/fragments :: open-faults";
  }

  /** The company's work orders, open, closed or all, with the fault search's filters. */
  @GetMapping("/faults")
  String faults(@RequestParam Map<String, String> query, Model model) {
    model.addAttribute("paths", PATHS);
    views.faults(model, query, null, null);
    return "facilities/faults";
  }

  @GetMapping("/faults/{id:[0-9a-fA-F-]{36}}")
  String fault(@PathVariable String id, Model model) {
    ConsoleUser user = FacilityAccess.user();
    model.addAttribute("paths", PATHS);
    model.addAttribute("detail", views.fault(id, d -> assigned(d, user)));
    model.addAttribute("canAct", FacilityAccess.mayRecordWorkOrders(user));
    model.addAttribute("actionBase", PATHS.faultBase() + id);
    return "facilities/fault";
  }

  @PostMapping("/faults/{id:[0-9a-fA-F-]{36}}/{step:accept|repaired}")
  String workOrder(
      @PathVariable String id,
      @PathVariable String step,
      @RequestParam(required = false) String note,
      RedirectAttributes flash) {
    ConsoleUser user = FacilityAccess.user();
    FacilityAccess.require(FacilityAccess.mayRecordWorkOrders(user));
    views.fault(id, d -> assigned(d, user));
    views.workOrder(id, step, note, flash);
    return "redirect:" + PATHS.faultBase() + id;
  }

  private static boolean assigned(InspectionApi.FaultDetail detail, ConsoleUser user) {
    return detail.fault() != null
        && user.maintenanceCompany() != null
        && user.maintenanceCompany().equals(detail.fault().assignedCompany());
  }
}
