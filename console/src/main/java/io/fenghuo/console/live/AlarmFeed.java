package io.fenghuo.console.live;

import io.fenghuo.contracts.alarm.AlarmEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.io.IOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The open live streams (server-sent events) of this console instance and what each may see. Each
 * alarm event is rendered once per language as an HTML line that htmx inserts into the page.
 *
 * <p>On shutdown the streams are ended first (before the web server's graceful shutdown, which
 * would otherwise wait its whole timeout for streams that never end): browsers reconnect, to this
 * console when it is back or to another instance, and their pages re-read what they show.
 */
public final class AlarmFeed implements SmartLifecycle {

  /** The SSE event name the pages listen to ({@code sse-swap="alarm"}). */
  public static final String ALARM_EVENT = "alarm";

  /**
   * The SSE event that tells a page an alarm of its scope changed (data: the alarm id); the queue
   * re-reads itself from the alarm-service ({@code hx-trigger="sse:alarm-changed"}).
   */
  public static final String CHANGED_EVENT = "alarm-changed";

  /**
   * The SSE event that tells the 119 terminal's pages an incident changed (data: the incident id,
   * or a communication test's id); the live list re-reads itself from the dispatch-119 service.
   */
  public static final String INCIDENT_EVENT = "incident-changed";

  /**
   * The SSE event that tells an operator's pages what 119 did with one of its alarms (data: the
   * alarm id); the alarm detail re-reads its 119 status.
   */
  public static final String DISPATCH_EVENT = "dispatch-changed";

  /**
   * The SSE event that tells a page a fault of its scope changed (data: the fault id); open-fault
   * lists and boards re-read the inspection-service ({@code hx-trigger="sse:fault-changed"}).
   */
  public static final String FAULT_EVENT = "fault-changed";

  private static final Logger log = LoggerFactory.getLogger(AlarmFeed.class);

  private final ITemplateEngine templates;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private volatile boolean running;

  public AlarmFeed(ITemplateEngine templates) {
    this.templates = templates;
  }

  private record Subscriber(SseEmitter emitter, LiveScope scope, Locale locale, ZoneId zone) {}

  /** Opens a stream for a user; it stays open until the browser goes away. */
  public SseEmitter subscribe(LiveScope scope, Locale locale, ZoneId zone) {
    SseEmitter emitter = new SseEmitter(0L);
    Subscriber subscriber = new Subscriber(emitter, scope, locale, zone);
    subscribers.add(subscriber);
    emitter.onCompletion(() -> subscribers.remove(subscriber));
    emitter.onTimeout(() -> subscribers.remove(subscriber));
    emitter.onError(e -> subscribers.remove(subscriber));
    send(subscriber, SseEmitter.event().comment("connected"));
    return emitter;
  }

  /** The number of open streams. */
  public int size() {
    return subscribers.size();
  }

  /**
   * Sends an event to every stream whose scope admits it: a feed line (for the kinds that have one)
   * and the change signal that refreshes the queue.
   */
  public void publish(OperatorId operator, AlarmEvent event) {
    Map<String, String> rendered = new HashMap<>();
    for (Subscriber s : subscribers) {
      if (!s.scope().admits(operator, event) || !s.scope().news(event)) {
        continue;
      }
      AlarmCard card = AlarmCard.of(operator, event, s.zone());
      if (card == null) {
        continue;
      }
      String html =
          rendered.computeIfAbsent(
              s.locale().toLanguageTag() + "|" + s.zone(), k -> render(card, s.locale()));
      send(s, SseEmitter.event().name(ALARM_EVENT).id(event.alarmId().toString()).data(html));
    }
    changed(operator, event.alarmId().toString(), event.unit());
  }

  /** Tells every stream whose scope covers the alarm that it changed (any lifecycle step). */
  public void changed(OperatorId operator, String alarmId, UnitId unit) {
    for (Subscriber s : subscribers) {
      if (s.scope().admitsChange(operator, unit)) {
        send(s, SseEmitter.event().name(CHANGED_EVENT).data(alarmId));
      }
    }
  }

  /** Tells the 119 terminal's streams that an incident (or a communication test) changed. */
  public void incidentChanged(String id) {
    for (Subscriber s : subscribers) {
      if (s.scope().admitsIncidents()) {
        send(s, SseEmitter.event().name(INCIDENT_EVENT).data(id));
      }
    }
  }

  /**
   * Tells the streams of the alarm's tenant what 119 did with it; with {@code mustCall} (no
   * acknowledgement after the resends) also a red feed line that sounds on every page of the
   * operator: phone 119 now.
   */
  public void dispatchChanged(
      OperatorId operator, String alarmId, UnitId unit, AlarmCard mustCall) {
    Map<String, String> rendered = new HashMap<>();
    for (Subscriber s : subscribers) {
      if (!s.scope().admitsChange(operator, unit)) {
        continue;
      }
      if (mustCall != null) {
        String html =
            rendered.computeIfAbsent(s.locale().toLanguageTag(), k -> render(mustCall, s.locale()));
        send(s, SseEmitter.event().name(ALARM_EVENT).id(alarmId).data(html));
      }
      send(s, SseEmitter.event().name(DISPATCH_EVENT).data(alarmId));
    }
  }

  /**
   * Tells the streams of the fault's tenant (its operator's staff, its unit's manager, admin and
   * supervision, and the maintenance company it is assigned to) that the fault changed; nobody else
   * hears of it.
   *
   * @param company the maintenance company the fault is assigned to, or null if unknown
   */
  public void faultChanged(OperatorId operator, String faultId, UnitId unit, String company) {
    for (Subscriber s : subscribers) {
      if (s.scope().admitsFault(operator, unit, company)) {
        send(s, SseEmitter.event().name(FAULT_EVENT).data(faultId));
      }
    }
  }

  @Override
  public void start() {
    running = true;
  }

  /** Ends every open stream. */
  @Override
  public void stop() {
    running = false;
    for (Subscriber s : subscribers) {
      subscribers.remove(s);
      s.emitter().complete();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Keeps idle streams open through proxies and finds streams whose browser is gone. */
  public void heartbeat() {
    subscribers.forEach(s -> send(s, SseEmitter.event().comment("heartbeat")));
  }

  private String render(AlarmCard card, Locale locale) {
    Context context = new Context(locale, Map.of("alarm", card));
    // One line: an SSE data field ends at a line break.
    return templates
        .process("fragments/live", Set.of("alarm"), context)
        .replaceAll("\\s*\\R\\s*", " ")
        .trim();
  }

  private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
    try {
      subscriber.emitter().send(event);
    } catch (IOException | IllegalStateException e) {
      log.debug("live stream closed: {}", e.toString());
      subscribers.remove(subscriber);
      subscriber.emitter().completeWithError(e);
    }
  }
}
