package io.fenghuo.console.facilities;

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
 * A networked unit's own facility pages: its board, its faults with their work orders (a unit
 * manager records 已受理 / 已维修 for its unit, as the inspection-service allows), read-only for
 * supervision. {@code TenantGuard} keeps other units' pages at 404; a fault of another unit is 404
 * here too.
 */
@Controller
@RequestMapping("/unit/{unit}")
class UnitFacilityPages {

  private final FacilityViews views;

  UnitFacilityPages(FacilityViews views) {
    this.views = views;
  }

  private static FacilityPaths paths(String unit) {
    String base = "/unit/" + unit;
    return new FacilityPaths(base + "/facilities", true, base + "/faults", base + "/faults/", base);
  }

  @GetMapping("/facilities")
  String board(@PathVariable String unit, Model model) {
    model.addAttribute("unit", unit);
    views.board(model, unit, paths(unit), FacilityAccess.user(), b -> owned(b, unit));
    return "facilities/board";
  }

  @GetMapping("/facilities/board")
  String boardFragment(@PathVariable String unit, Model model) {
    views.boardFragment(model, unit, paths(unit), FacilityAccess.user(), b -> owned(b, unit));
    return "facilities/fragments :: board";
  }

  @GetMapping("/faults")
  String faults(@PathVariable String unit, @RequestParam Map<String, String> query, Model model) {
    model.addAttribute("unit", unit);
    model.addAttribute("paths", paths(unit));
    model.addAttribute("fixedUnit", unit);
    views.faults(model, query, null, unit);
    return "facilities/faults";
  }

  @GetMapping("/faults/{id:[0-9a-fA-F-]{36}}")
  String fault(@PathVariable String unit, @PathVariable String id, Model model) {
    model.addAttribute("unit", unit);
    model.addAttribute("paths", paths(unit));
    model.addAttribute("detail", views.fault(id, d -> unit.equals(d.fault().unitId())));
    model.addAttribute("canAct", FacilityAccess.mayRecordWorkOrders(FacilityAccess.user()));
    model.addAttribute("actionBase", paths(unit).faultBase() + id);
    return "facilities/fault";
  }

  @PostMapping("/faults/{id:[0-9a-fA-F-]{36}}/{step:accept|repaired}")
  String workOrder(
      @PathVariable String unit,
      @PathVariable String id,
      @PathVariable String step,
      @RequestParam(required = false) String note,
      RedirectAttributes flash) {
    FacilityAccess.require(FacilityAccess.mayRecordWorkOrders(FacilityAccess.user()));
    views.fault(id, d -> unit.equals(d.fault().unitId()));
    views.workOrder(id, step, note, flash);
    return "redirect:" + paths(unit).faultBase() + id;
  }

  private static boolean owned(InspectionApi.Board board, String unit) {
    return board.unit() == null || unit.equals(board.unit().unitId());
  }
}
