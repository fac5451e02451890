package io.fenghuo.gb26875.frame;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the framing decoders saw; thread-safe, so one instance can be shared by all
 * connections of a gateway and exported as metrics.
 */
public final class FrameStatistics {

  private final LongAdder framesAccepted = new LongAdder();
  private final LongAdder bytesAccepted = new LongAdder();
  private final Map<FrameDefect, LongAdder> rejections = new EnumMap<>(FrameDefect.class);
  private final Map<FrameDefect, LongAdder> rejectedBytes = new EnumMap<>(FrameDefect.class);

  public FrameStatistics() {
    for (FrameDefect d : FrameDefect.values()) {
      rejections.put(d, new LongAdder());
      rejectedBytes.put(d, new LongAdder());
    }
  }

  void accepted(int frameLength) {
    framesAccepted.increment();
    bytesAccepted.add(frameLength);
  }

  /**
   * Records a rejection; public so that the message decoder can count {@link
   * FrameDefect#MALFORMED_ADU}.
   */
  public void rejected(FrameDefect defect, int length) {
    rejections.get(defect).increment();
    rejectedBytes.get(defect).add(length);
  }

  public long framesAccepted() {
    return framesAccepted.sum();
  }

  public long bytesAccepted() {
    return bytesAccepted.sum();
  }

  /** Number of reports of {@code defect}. */
  public long rejections(FrameDefect defect) {
    return rejections.get(defect).sum();
  }

  /** Bytes discarded for {@code defect}. */
  public long rejectedBytes(FrameDefect defect) {
    return rejectedBytes.get(defect).sum();
  }

  /** Reports of all defects. */
  public long totalRejections() {
    long sum = 0;
    for (LongAdder a : rejections.values()) {
      sum += a.sum();
    }
    return sum;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("FrameStatistics[accepted=").append(framesAccepted());
    for (FrameDefect d : FrameDefect.values()) {
      long n = rejections(d);
      if (n > 0) {
        sb.append(", ")
            .append(d)
            .append('=')
            .append(n)
            .append('/')
            .append(rejectedBytes(d))
            .append('B');
      }
    }
    return sb.append(']').toString();
  }
}
