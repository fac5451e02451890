package io.fenghuo.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Headless Chromium ({@link Platform#CHROMIUM}, driven by Playwright) signed in to the platform's
 * console as a demo user, as the console's own BrowserIT does. Only where {@link
 * Platform#BROWSER_AVAILABLE}.
 */
final class ConsoleBrowser implements AutoCloseable {

  private final Playwright playwright =
      Playwright.create(
          new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  private final Browser browser =
      playwright
          .chromium()
          .launch(
              new BrowserType.LaunchOptions()
                  .setExecutablePath(Platform.CHROMIUM)
                  .setHeadless(true)
                  .setArgs(
                      List.of(
                          "--headless",
                          "--no-sandbox",
                          "--disable-gpu",
                          "--disable-background-networking",
                          "--disable-component-update",
                          "--disable-sync",
                          "--no-first-run")));
  private final BrowserContext context =
      browser.newContext(
          new Browser.NewContextOptions()
              .setViewportSize(1600, 900)
              .setLocale("zh-CN")
              .setTimezoneId("Asia/Shanghai"));

  /** The page; tests drive it directly. */
  final Page page = context.newPage();

  ConsoleBrowser() {
    context.setDefaultTimeout(30_000);
  }

  /**
   * Signs in at the local identity provider (password {@code fenghuo}) and lands on the console.
   */
  void signIn(Platform platform, String user) {
    String console = platform.consoleUrl();
    page.navigate(console + "/");
    page.getByLabel(Pattern.compile("用户名")).fill(user);
    page.getByLabel(Pattern.compile("密码")).fill("fenghuo");
    page.locator("#sign-in").click();
    page.waitForURL(url -> url.startsWith(console) && !url.contains("/login"));
  }

  @Override
  public void close() {
    playwright.close();
  }
}
