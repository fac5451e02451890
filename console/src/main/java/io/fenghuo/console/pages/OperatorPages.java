package io.fenghuo.console.pages;

import io.fenghuo.console.backend.UnitDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The monitoring centre of one operator. The path names the operator, so {@code TenantGuard}
 * answers 404 to staff of another operator.
 */
@Controller
@RequestMapping("/op/{operator}")
class OperatorPages {

  private final UnitDirectory units;

  OperatorPages(UnitDirectory units) {
    this.units = units;
  }

  @GetMapping
  String home(@PathVariable String operator, Model model) {
    model.addAttribute("operator", operator);
    return "operator/home";
  }

  @GetMapping("/alarms")
  String alarms(@PathVariable String operator, Model model) {
    model.addAttribute("operator", operator);
    return ComingPage.show(model, "nav.alarms", "alarm-service");
  }

  @GetMapping("/facilities")
  String facilities(@PathVariable String operator, Model model) {
    model.addAttribute("operator", operator);
    return ComingPage.show(model, "nav.facilities", "inspection-service");
  }

  @GetMapping("/units")
  String units(@PathVariable String operator, Model model) {
    model.addAttribute("operator", operator);
    model.addAttribute("result", units.units());
    return "operator/units";
  }
}
