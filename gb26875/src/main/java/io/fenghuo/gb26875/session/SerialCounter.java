package io.fenghuo.gb26875.session;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The initiator's serial number (业务流水号), GB/T 26875.3-2011 §6.6 table 1: set when the connection is
 * established, starting at 0, incremented by 1 for each new packet the initiator sends; wraps after
 * 65535. One counter per connection and direction. Thread-safe.
 */
public final class SerialCounter {

  private final AtomicInteger next;

  /** Starts at 0, as the standard says. */
  public SerialCounter() {
    this(0);
  }

  /**
   * @param first the first serial to hand out, 0–65535
   */
  public SerialCounter(int first) {
    if (first < 0 || first > 0xFFFF) {
      throw new IllegalArgumentException("serial out of range: " + first);
    }
    this.next = new AtomicInteger(first);
  }

  /** The serial for the next new packet; advances the counter. */
  public int next() {
    return next.getAndUpdate(v -> (v + 1) & 0xFFFF);
  }

  /** The serial {@link #next()} will return, without advancing. */
  public int peek() {
    return next.get();
  }
}
