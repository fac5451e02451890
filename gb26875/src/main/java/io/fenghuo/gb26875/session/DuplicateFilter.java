package io.fenghuo.gb26875.session;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.adu.ApplicationData;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Recognises retransmitted packets. A retransmission reuses the serial of its exchange (§6.5), so a
 * packet with the same source, serial, command and content as one seen within the window is a
 * repeat: the receiver should confirm it again (the first confirm was evidently lost) but not
 * process it twice. The header time label is not part of the content, since a sender may restamp
 * it. Bounded in time and size. Not thread-safe: one per connection, used on its event loop.
 */
public final class DuplicateFilter {

  private record Key(Address source, int serial, int command, ApplicationData data) {}

  private final long windowNanos;
  private final int capacity;
  private final LinkedHashMap<Key, Long> seen = new LinkedHashMap<>();

  /**
   * @param window how long a packet is remembered; positive (e.g. 4 × the retransmission timeout)
   * @param capacity the most packets remembered; positive
   */
  public DuplicateFilter(Duration window, int capacity) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero() || capacity <= 0) {
      throw new IllegalArgumentException("window and capacity must be positive");
    }
    this.windowNanos = window.toNanos();
    this.capacity = capacity;
  }

  /** Remembers 256 packets for 60 s: 10 s × (1 + 3 retries) with margin. */
  public static DuplicateFilter standard() {
    return new DuplicateFilter(Duration.ofSeconds(60), 256);
  }

  /**
   * Tells whether {@code message} repeats one seen within the window, and remembers it if not.
   *
   * @param message not null
   * @param nowNanos monotonic time
   */
  public boolean isDuplicate(Gb26875Message message, long nowNanos) {
    expire(nowNanos);
    Key key =
        new Key(
            message.header().source(),
            message.header().serial(),
            message.header().commandByte(),
            message.data());
    if (seen.containsKey(key)) {
      return true;
    }
    seen.put(key, nowNanos);
    if (seen.size() > capacity) {
      Iterator<Map.Entry<Key, Long>> it = seen.entrySet().iterator();
      it.next();
      it.remove();
    }
    return false;
  }

  private void expire(long nowNanos) {
    Iterator<Map.Entry<Key, Long>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      if (nowNanos - it.next().getValue() < windowNanos) {
        return;
      }
      it.remove();
    }
  }
}
