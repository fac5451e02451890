package io.fenghuo.gateway.session;

import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.adu.ApplicationData;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Recognises a retransmitted upload of one session (same serial, command and content; GB/T 26875.3
 * §6.5 makes the UITD resend the same frame when no confirm came) and hands back the publish of the
 * first copy: a repeat is confirmed again when (or as soon as) that publish was acknowledged, and
 * never published twice. A publish that failed is forgotten, so the next copy is published afresh.
 *
 * <p>Unlike {@code gb26875}'s {@code DuplicateFilter} this one can forget a frame, which is what
 * makes "ack after durable write" hold when Kafka fails. Not thread-safe: one per session, used on
 * its event loop.
 */
final class UploadDeduplicator {

  private record Key(int serial, int command, ApplicationData data) {}

  private record Entry(CompletableFuture<Void> published, long at, boolean alarm) {}

  private final long windowNanos;
  private final int capacity;
  private final LinkedHashMap<Key, Entry> seen = new LinkedHashMap<>();

  UploadDeduplicator(long windowNanos, int capacity) {
    this.windowNanos = windowNanos;
    this.capacity = capacity;
  }

  /** The publish of an earlier copy of this upload, or null if it is new. */
  CompletableFuture<Void> earlier(Gb26875Message m, long now) {
    expire(now);
    Entry e = seen.get(key(m));
    return e == null ? null : e.published;
  }

  /** Whether the earlier copy of this upload went on the alarm lane (false if none is known). */
  boolean alarm(Gb26875Message m) {
    Entry e = seen.get(key(m));
    return e != null && e.alarm;
  }

  /** Remembers the publish of a new upload. */
  void remember(Gb26875Message m, CompletableFuture<Void> published, long now, boolean alarm) {
    seen.put(key(m), new Entry(published, now, alarm));
    if (seen.size() > capacity) {
      Iterator<Map.Entry<Key, Entry>> it = seen.entrySet().iterator();
      it.next();
      it.remove();
    }
  }

  /** Forgets an upload whose publish failed, so a retransmission is published again. */
  void forget(Gb26875Message m, CompletableFuture<Void> published) {
    Key k = key(m);
    Entry e = seen.get(k);
    if (e != null && e.published == published) {
      seen.remove(k);
    }
  }

  private static Key key(Gb26875Message m) {
    return new Key(m.header().serial(), m.header().commandByte(), m.data());
  }

  private void expire(long now) {
    Iterator<Entry> it = seen.values().iterator();
    while (it.hasNext()) {
      Entry e = it.next();
      if (now - e.at < windowNanos) {
        return;
      }
      if (e.published.isDone()) {
        it.remove();
      } else {
        return;
      }
    }
  }
}
