package io.fenghuo.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A cookie-keeping HTTP client that signs in like a browser does: through the real redirects of the
 * OpenID Connect authorization code flow and the provider's sign-in form.
 */
final class Browserless {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  final String base;
  final HttpClient http;
  HttpResponse<String> last;

  Browserless(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Opens the console, is sent to the provider, signs in, and follows the way back. */
  HttpResponse<String> signIn(String username, String password) {
    HttpResponse<String> form = get("/");
    Matcher csrf = CSRF.matcher(form.body());
    if (!csrf.find()) {
      throw new AssertionError("no sign-in form at " + form.uri() + ":\n" + form.body());
    }
    URI login = form.uri().resolve("/login");
    String body =
        "username="
            + encode(username)
            + "&password="
            + encode(password)
            + "&_csrf="
            + encode(csrf.group(1));
    last =
        send(
            HttpRequest.newBuilder(login)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    return last;
  }

  HttpResponse<String> get(String path) {
    last = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    return last;
  }

  /**
   * Submits a form of the page last loaded (with its CSRF token), like a click on its button; the
   * redirect after the post is followed.
   */
  HttpResponse<String> post(String path, String... fields) {
    Matcher csrf = CSRF.matcher(last.body());
    if (!csrf.find()) {
      throw new AssertionError("no form on " + last.uri());
    }
    StringBuilder body = new StringBuilder("_csrf=" + encode(csrf.group(1)));
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
    }
    last =
        send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    return last;
  }

  /** Signs out with the form of the user menu (POST with the page's CSRF token). */
  HttpResponse<String> signOut() {
    HttpResponse<String> page = get("/about");
    Matcher csrf = CSRF.matcher(page.body());
    if (!csrf.find()) {
      throw new AssertionError("no sign-out form on " + page.uri());
    }
    last =
        send(
            HttpRequest.newBuilder(URI.create(base + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf.group(1))))
                .build());
    return last;
  }

  /** Opens a server-sent-events stream; lines arrive as the server sends them. */
  HttpResponse<Stream<String>> stream(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Accept", "text/event-stream")
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
