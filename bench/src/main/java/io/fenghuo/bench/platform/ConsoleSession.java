package io.fenghuo.bench.platform;

import io.fenghuo.bench.local.LocalPlatform;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A signed-in console session over plain HTTP, as a browser has one: the OpenID Connect sign-in
 * (console → the provider's sign-in form → back to the console, cookies kept), then the console's
 * live stream {@code GET /live/alarms} read on a thread of its own. Each new-alarm line ({@code
 * alarm} event of kind RAISED) is queued per unit with the {@link System#nanoTime()} at which its
 * line was read.
 */
final class ConsoleSession implements AutoCloseable {

  /** A RAISED line of the live feed and when it was read. */
  record Arrival(String alarmId, long nanos) {}

  private final URI console;
  private final HttpClient http;
  // The stream gets a client (and so a connection) of its own: on a connection the sign-in had
  // used, the JDK client's keep-alive cleaner closed the stream ~30 s later (seen with JDK 17).
  private final HttpClient streamHttp;
  private final ConcurrentHashMap<String, BlockingQueue<Arrival>> raised =
      new ConcurrentHashMap<>();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private volatile Thread reader;
  private volatile Stream<String> lines;
  private volatile boolean open;

  private ConsoleSession(URI console) {
    this.console = console;
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.streamHttp =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /**
   * Signs in at the console with the local provider's form and opens the live stream.
   *
   * @throws IllegalStateException if the sign-in does not end on a console page, or the stream is
   *     refused
   */
  static ConsoleSession signIn(URI console, String user, String password) throws Exception {
    ConsoleSession session = new ConsoleSession(console);
    session.login(user, password);
    session.openLive();
    return session;
  }

  private void login(String user, String password) throws Exception {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(console.resolve("/")).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (page.statusCode() != 200) {
      throw new IllegalStateException(
          "console sign-in: GET / ended with HTTP " + page.statusCode() + " at " + page.uri());
    }
    LoginForm form = LoginForm.parse(page.body(), page.uri());
    HttpResponse<String> after =
        http.send(
            HttpRequest.newBuilder(form.action())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.body(user, password)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    URI landed = after.uri();
    if (after.statusCode() != 200 || landed.getPort() != console.getPort()) {
      throw new IllegalStateException(
          "console sign-in as " + user + " failed: HTTP " + after.statusCode() + " at " + landed);
    }
    LocalPlatform.log(
        "signed in at the console as " + user + " (landed on " + landed.getPath() + ")");
  }

  private void openLive() throws Exception {
    lines = connect();
    open = true;
    reader = new Thread(this::read, "console-live-sse");
    reader.setDaemon(true);
    reader.start();
  }

  private Stream<String> connect() throws Exception {
    HttpResponse<Stream<String>> response =
        streamHttp.send(
            HttpRequest.newBuilder(console.resolve("/live/alarms"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != 200 || !type.startsWith("text/event-stream")) {
      response.body().close();
      throw new IllegalStateException(
          "live stream refused: HTTP "
              + response.statusCode()
              + " "
              + type
              + " at "
              + response.uri());
    }
    return response.body();
  }

  /** Reads the stream; when it ends, opens it again after a second, as a browser's EventSource. */
  private void read() {
    while (open) {
      SseParser parser = new SseParser();
      try {
        lines.forEach(line -> parser.line(line).ifPresent(this::onEvent));
      } catch (RuntimeException e) {
        if (open) {
          LocalPlatform.log("live stream ended: " + e);
        }
      }
      while (open) {
        reconnects.incrementAndGet();
        try {
          Thread.sleep(1_000);
          lines = connect();
          LocalPlatform.log("live stream opened again");
          break;
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          LocalPlatform.log("live stream: cannot open again: " + e);
        }
      }
    }
  }

  private void onEvent(SseParser.Event event) {
    long now = System.nanoTime();
    events.incrementAndGet();
    if (!"alarm".equals(event.name())) {
      return;
    }
    LiveAlarmLine alarm = LiveAlarmLine.parse(event.data());
    if (alarm != null && "RAISED".equals(alarm.kind()) && alarm.unit() != null) {
      queue(alarm.unit()).add(new Arrival(alarm.alarmId(), now));
    }
  }

  /** How often the stream had to be opened again. */
  long reconnects() {
    return reconnects.get();
  }

  private BlockingQueue<Arrival> queue(String unit) {
    return raised.computeIfAbsent(unit, u -> new LinkedBlockingQueue<>());
  }

  /** Forgets the unit's earlier lines (before a new fire of it). */
  void clear(String unit) {
    queue(unit).clear();
  }

  /** The next RAISED line of the unit, or null after the timeout. */
  Arrival awaitRaised(String unit, Duration timeout) throws InterruptedException {
    return queue(unit).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean isOpen() {
    return open;
  }

  /** Events read from the stream so far (any name). */
  long events() {
    return events.get();
  }

  @Override
  public void close() throws IOException {
    open = false;
    Stream<String> s = lines;
    if (s != null) {
      s.close();
    }
    Thread r = reader;
    if (r != null) {
      r.interrupt();
    }
  }
}
