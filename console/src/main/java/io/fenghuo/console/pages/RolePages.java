package io.fenghuo.console.pages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The home pages of the unit manager, fire supervision and the admin (the 119 terminal:
 * TerminalPages).
 */
@Controller
class RolePages {

  @GetMapping("/unit/{unit}")
  String unit(@PathVariable String unit, Model model) {
    model.addAttribute("unit", unit);
    return "unit/home";
  }

  @GetMapping("/unit/{unit}/inspections")
  String inspections(@PathVariable String unit, Model model) {
    model.addAttribute("unit", unit);
    return ComingPage.show(model, "nav.inspections", "unit-service");
  }

  @GetMapping("/supervision")
  String supervision() {
    return "supervision/home";
  }

  @GetMapping("/admin")
  String admin() {
    return "admin/home";
  }
}
