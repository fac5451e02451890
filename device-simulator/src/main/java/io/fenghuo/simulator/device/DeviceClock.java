package io.fenghuo.simulator.device;

import io.fenghuo.gb26875.TimeLabel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A UITD's own clock: the host clock plus an offset that a clock sync (type 90, §8.3.2.16) sets.
 * Time labels of everything the device sends come from it. Thread-safe.
 */
public final class DeviceClock extends Clock {

  private final Clock base;
  private volatile long offsetMillis;

  /**
   * @param base the host clock, in the device's zone (China Standard Time in practice); not null
   */
  public DeviceClock(Clock base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  /** Sets the clock so that it now reads {@code centreTime}, as a clock sync demands. */
  public void syncTo(LocalDateTime centreTime) {
    Instant target = centreTime.atZone(base.getZone()).toInstant();
    offsetMillis = Duration.between(base.instant(), target).toMillis();
  }

  /** How far this clock is ahead of the host clock (negative: behind). */
  public Duration offset() {
    return Duration.ofMillis(offsetMillis);
  }

  /** The current time as a time label (§8.2.2). */
  public TimeLabel timeLabel() {
    return TimeLabel.of(LocalDateTime.now(this));
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    DeviceClock c = new DeviceClock(base.withZone(zone));
    c.offsetMillis = offsetMillis;
    return c;
  }

  @Override
  public Instant instant() {
    return base.instant().plusMillis(offsetMillis);
  }
}
