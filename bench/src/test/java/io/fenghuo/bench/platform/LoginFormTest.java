package io.fenghuo.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginFormTest {

  static final URI PAGE = URI.create("http://127.0.0.1:29000/login");

  // The provider's sign-in page (console templates/idp/login.html) as Thymeleaf renders it, with
  // Spring Security's CSRF field; a search form before it must not be taken.
  static final String HTML =
      """
      <html><body>
      <form action="/search" method="get"><input type="hidden" name="q" value="x"></form>
      <form method="post" action="/login">
        <label for="username">用户名</label>
        <input id="username" name="username" autocomplete="username" required autofocus>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">登录</button>
      <input type="hidden" name="_csrf" value="a&amp;b-123"/></form>
      </body></html>
      """;

  @Test
  void findsThePasswordFormItsActionAndHiddenFields() {
    LoginForm form = LoginForm.parse(HTML, PAGE);
    assertThat(form.action()).isEqualTo(URI.create("http://127.0.0.1:29000/login"));
    assertThat(form.hidden()).isEqualTo(Map.of("_csrf", "a&b-123"));
  }

  @Test
  void theBodyCarriesTheHiddenFieldsAndTheCredentialsEncoded() {
    assertThat(LoginForm.parse(HTML, PAGE).body("op-a-operator", "p&ss word"))
        .isEqualTo("_csrf=a%26b-123&username=op-a-operator&password=p%26ss+word");
  }

  @Test
  void aPageWithoutSignInFormIsRefused() {
    assertThatThrownBy(() -> LoginForm.parse("<html><p>hello</p></html>", PAGE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(PAGE.toString());
  }
}
