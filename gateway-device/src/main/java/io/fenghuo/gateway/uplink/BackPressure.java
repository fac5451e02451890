package io.fenghuo.gateway.uplink;

import io.fenghuo.gateway.metrics.GatewayMetrics;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the uploads waiting for Kafka in this instance. Above the limit every connection stops
 * reading (auto-read off), so unconfirmed frames stay in the devices and the kernel's socket
 * buffers, not in the gateway's heap; below three quarters of it, reading resumes. Together with
 * the per-connection limit (in the session) memory stays bounded however long Kafka is away.
 */
public final class BackPressure {

  private static final Logger log = LoggerFactory.getLogger(BackPressure.class);

  private final int max;
  private final int resumeAt;
  private final ChannelGroup channels;
  private final Predicate<Channel> mayRead;
  private final GatewayMetrics metrics;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean paused = new AtomicBoolean();
  private volatile long pausedSince;

  /**
   * @param mayRead whether a channel may read once the global pause ends (its own limit)
   */
  public BackPressure(
      int max, ChannelGroup channels, Predicate<Channel> mayRead, GatewayMetrics metrics) {
    this.max = max;
    this.resumeAt = Math.max(0, max * 3 / 4);
    this.channels = channels;
    this.mayRead = mayRead;
    this.metrics = metrics;
    metrics.gauge("fenghuo.gateway.inflight", "Uploads waiting for Kafka", inFlight::get);
    metrics.gauge(
        "fenghuo.gateway.backpressure.active",
        "1 while every connection stopped reading",
        () -> paused.get() ? 1 : 0);
  }

  /** An upload went to Kafka. */
  public void acquire() {
    if (inFlight.incrementAndGet() >= max && paused.compareAndSet(false, true)) {
      pausedSince = System.nanoTime();
      log.warn("{} uploads wait for Kafka: every connection stops reading", max);
      for (Channel c : channels) {
        c.config().setAutoRead(false);
      }
    }
  }

  /** Kafka answered an upload (either way). */
  public void release() {
    if (inFlight.decrementAndGet() <= resumeAt && paused.compareAndSet(true, false)) {
      Duration period = Duration.ofNanos(System.nanoTime() - pausedSince);
      metrics.backPressure(period);
      log.info("back-pressure ended after {} ms", period.toMillis());
      for (Channel c : channels) {
        // Judge each connection on its own event loop: its session's in-flight count lives
        // there, and a stale read from this thread could leave a connection paused for good.
        c.eventLoop()
            .execute(
                () -> {
                  if (!paused.get() && mayRead.test(c)) {
                    c.config().setAutoRead(true);
                  }
                });
      }
    }
  }

  /** True while every connection is paused. */
  public boolean isPaused() {
    return paused.get();
  }

  public int inFlight() {
    return inFlight.get();
  }
}
