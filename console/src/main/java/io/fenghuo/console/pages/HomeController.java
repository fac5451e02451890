package io.fenghuo.console.pages;

import io.fenghuo.console.security.CurrentUser;
import io.fenghuo.console.security.RoleHome;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The entry: each user goes to the home page of their role. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "redirect:" + CurrentUser.get().map(RoleHome::of).orElse(RoleHome.NO_ROLE);
  }

  @GetMapping(RoleHome.NO_ROLE)
  String noRole() {
    return "no-role";
  }

  @GetMapping("/signed-out")
  String signedOut() {
    return "signed-out";
  }
}
