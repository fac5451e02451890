package io.fenghuo.console.pages;

import org.springframework.ui.Model;

/** A page whose content comes with a later service: it names the service and what it will show. */
final class ComingPage {

  static final String VIEW = "coming";

  private ComingPage() {}

  /**
   * @param titleKey message key of the page title
   * @param service the service whose issue fills the page
   */
  static String show(Model model, String titleKey, String service) {
    model.addAttribute("titleKey", titleKey);
    model.addAttribute("service", service);
    return VIEW;
  }
}
