package io.fenghuo.console.facilities;

import io.fenghuo.console.backend.UnitDirectory;
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
 * The facility pages of one operator's monitoring centre (设施状态): the overview (open faults, devices
 * offline, integrity and repair times, units), a unit's board with its polls, the fault search and
 * a fault's detail with its work order, and the devices online and offline. The path names the
 * operator, so {@code TenantGuard} answers 404 to staff of another operator; the inspection-service
 * scopes every answer again by the relayed token, and a unit or fault of another operator is 404
 * here too (admin and supervision see every operator's, each under its own path).
 */
@Controller
@RequestMapping("/op/{operator}")
class FacilityPages {

  private final FacilityViews views;
  private final InspectionDesk desk;
  private final UnitDirectory units;

  FacilityPages(FacilityViews views, InspectionDesk desk, UnitDirectory units) {
    this.views = views;
    this.desk = desk;
    this.units = units;
  }

  private static FacilityPaths paths(String operator) {
    String op = "/op/" + operator;
    return new FacilityPaths(op + "/facilities/units/", false, op + "/faults", op + "/faults/", op);
  }

  @GetMapping("/facilities")
  String overview(@PathVariable String operator, Model model) {
    ConsoleUser user = FacilityAccess.user();
    String param = FacilityAccess.operatorParameter(user, operator);
    model.addAttribute("operator", operator);
    model.addAttribute("paths", paths(operator));
    model.addAttribute("openFaults", views.openFaults(param));
    model.addAttribute("offline", desk.devices(null, "OFFLINE", param));
    model.addAttribute("devices", desk.devices(null, null, param));
    model.addAttribute("units", units.units());
    model.addAttribute("canAct", FacilityAccess.mayRecordWorkOrders(user));
    views.integrity(model, "operators", operator);
    return "facilities/overview";
  }

  /** The open faults alone, for htmx: re-read on every fault event of the operator. */
  @GetMapping("/facilities/open-faults")
  String openFaults(@PathVariable String operator, Model model) {
    ConsoleUser user = FacilityAccess.user();
    model.addAttribute("paths", paths(operator));
    model.addAttribute(
        "openFaults", views.openFaults(FacilityAccess.operatorParameter(user, operator)));
    model.addAttribute("showUnit", true);
    return "facilities/fragments :: open-faults";
  }

  @GetMapping("/facilities/devices")
  String devices(
      @PathVariable String operator, @RequestParam(required = false) String liveness, Model model) {
    ConsoleUser user = FacilityAccess.user();
    String filter = liveness != null && FacilityViews.LIVENESS.contains(liveness) ? liveness : "";
    model.addAttribute("operator", operator);
    model.addAttribute("paths", paths(operator));
    model.addAttribute("liveness", filter);
    model.addAttribute(
        "devices", desk.devices(null, filter, FacilityAccess.operatorParameter(user, operator)));
    return "facilities/devices";
  }

  @GetMapping("/facilities/units/{unitId:[A-Za-z0-9-]{1,64}}")
  String board(@PathVariable String operator, @PathVariable String unitId, Model model) {
    model.addAttribute("operator", operator);
    views.board(model, unitId, paths(operator), FacilityAccess.user(), b -> owned(b, operator));
    return "facilities/board";
  }

  @GetMapping("/facilities/units/{unitId:[A-Za-z0-9-]{1,64}}/board")
  String boardFragment(@PathVariable String operator, @PathVariable String unitId, Model model) {
    views.boardFragment(
        model, unitId, paths(operator), FacilityAccess.user(), b -> owned(b, operator));
    return "facilities/fragments :: board";
  }

  @PostMapping("/facilities/units/{unitId:[A-Za-z0-9-]{1,64}}/polls")
  String pollNow(
      @PathVariable String operator, @PathVariable String unitId, RedirectAttributes flash) {
    FacilityAccess.require(FacilityAccess.mayPoll(FacilityAccess.user()));
    views.pollNow(unitId, flash);
    return "redirect:" + paths(operator).board(unitId) + "#polls";
  }

  @PostMapping("/facilities/units/{unitId:[A-Za-z0-9-]{1,64}}/poll-period")
  String pollPeriod(
      @PathVariable String operator,
      @PathVariable String unitId,
      @RequestParam(required = false) String minutes,
      RedirectAttributes flash) {
    FacilityAccess.require(FacilityAccess.maySetPollPeriod(FacilityAccess.user()));
    views.pollPeriod(unitId, minutes, flash);
    return "redirect:" + paths(operator).board(unitId) + "#polls";
  }

  @GetMapping("/faults")
  String faults(
      @PathVariable String operator, @RequestParam Map<String, String> query, Model model) {
    ConsoleUser user = FacilityAccess.user();
    model.addAttribute("operator", operator);
    model.addAttribute("paths", paths(operator));
    views.faults(model, query, FacilityAccess.operatorParameter(user, operator), null);
    return "facilities/faults";
  }

  @GetMapping("/faults/{id:[0-9a-fA-F-]{36}}")
  String fault(@PathVariable String operator, @PathVariable String id, Model model) {
    ConsoleUser user = FacilityAccess.user();
    model.addAttribute("operator", operator);
    model.addAttribute("paths", paths(operator));
    model.addAttribute("detail", views.fault(id, d -> operator.equals(d.fault().operator())));
    model.addAttribute("canAct", FacilityAccess.mayRecordWorkOrders(user));
    model.addAttribute("actionBase", paths(operator).faultBase() + id);
    return "facilities/fault";
  }

  @PostMapping("/faults/{id:[0-9a-fA-F-]{36}}/{step:accept|repaired}")
  String workOrder(
      @PathVariable String operator,
      @PathVariable String id,
      @PathVariable String step,
      @RequestParam(required = false) String note,
      RedirectAttributes flash) {
    FacilityAccess.require(FacilityAccess.mayRecordWorkOrders(FacilityAccess.user()));
    views.fault(id, d -> operator.equals(d.fault().operator()));
    views.workOrder(id, step, note, flash);
    return "redirect:" + paths(operator).faultBase() + id;
  }

  private static boolean owned(InspectionApi.Board board, String operator) {
    return board.unit() == null
        || board.unit().operator() == null
        || operator.equals(board.unit().operator());
  }
}
