package io.fenghuo.bench.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity provider's sign-in form as an HTML page shows it: where it posts and its hidden
 * fields (Spring Security's {@code _csrf}). Enough HTML parsing for one server-rendered form, not a
 * general parser.
 */
record LoginForm(URI action, Map<String, String> hidden) {

  private static final Pattern FORM =
      Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern INPUT =
      Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

  /**
   * The first form with a password field on the page at {@code page}; its action resolved against
   * the page's address.
   *
   * @throws IllegalArgumentException if the page has no such form
   */
  static LoginForm parse(String html, URI page) {
    Matcher form = FORM.matcher(html);
    while (form.find()) {
      String body = form.group(2);
      if (!body.toLowerCase(java.util.Locale.ROOT).contains("type=\"password\"")) {
        continue;
      }
      Map<String, String> formAttributes = attributes(form.group(1));
      String action = unescape(formAttributes.getOrDefault("action", ""));
      Map<String, String> hidden = new LinkedHashMap<>();
      Matcher input = INPUT.matcher(body);
      while (input.find()) {
        Map<String, String> a = attributes(input.group(1));
        if ("hidden".equalsIgnoreCase(a.get("type")) && a.containsKey("name")) {
          hidden.put(unescape(a.get("name")), unescape(a.getOrDefault("value", "")));
        }
      }
      return new LoginForm(action.isEmpty() ? page : page.resolve(action), hidden);
    }
    throw new IllegalArgumentException("no sign-in form (with a password field) on " + page);
  }

  /** The form body to post: the hidden fields plus user name and password, URL-encoded. */
  String body(String username, String password) {
    Map<String, String> fields = new LinkedHashMap<>(hidden);
    fields.put("username", username);
    fields.put("password", password);
    StringBuilder out = new StringBuilder();
    fields.forEach(
        (k, v) ->
            out.append(out.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }

  private static Map<String, String> attributes(String text) {
    Map<String, String> map = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(text);
    while (m.find()) {
      map.put(
          m.group(1).toLowerCase(java.util.Locale.ROOT),
          m.group(3) != null ? m.group(3) : m.group(4));
    }
    return map;
  }

  private static String unescape(String s) {
    return s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
