package io.fenghuo.console.pages;

import io.fenghuo.console.backend.UnitDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The monitoring centre of one operator (its home, the alarm queue, is {@code AlarmPages}; the
 * facility pages are {@code FacilityPages}). The path names the operator, so {@code TenantGuard}
 * answers 404 to staff of another operator.
 */
@Controller
@RequestMapping("/op/{operator}")
class OperatorPages {

  private final UnitDirectory units;

  OperatorPages(UnitDirectory units) {
    this.units = units;
  }

  @GetMapping("/units")
  String units(@PathVariable String operator, Model model) {
    model.addAttribute("operator", operator);
    model.addAttribute("result", units.units());
    return "operator/units";
  }
}
