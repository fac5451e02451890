package io.fenghuo.idp;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The provider's sign-in form. */
@Controller
class SignInPage {

  @GetMapping("/login")
  String login() {
    return "idp/login";
  }
}
