package io.fenghuo.gateway.session;

import io.fenghuo.gb26875.Command;

/**
 * The per-connection frame-rate limit, shared by the frame gate (before decoding) and the session
 * (after normalisation). Fire first: a frame of a type that can carry a fire alarm (types 1, 2, 4,
 * 21, 24) is not judged at the gate but by the session, which knows whether it does carry one; a
 * fire alarm always goes through (and is counted), anything else over the limit is dropped without
 * a reply, so the device retransmits it later (§6.5). One event loop serves a connection, so this
 * needs no synchronisation.
 */
public final class FrameRate {

  private static final long WINDOW_NANOS = 1_000_000_000L;

  private final int maxFramesPerSecond;
  private long windowStart = System.nanoTime();
  private int framesInWindow;

  public FrameRate(int maxFramesPerSecond) {
    this.maxFramesPerSecond = maxFramesPerSecond;
  }

  /** Whether an upload of this type flag may carry a fire alarm (GB/T 26875.3 §8.2.1, §8.3.1). */
  public static boolean mayCarryFire(Command command, int typeFlag) {
    return command == Command.SEND_DATA
        && (typeFlag == 1 || typeFlag == 2 || typeFlag == 4 || typeFlag == 21 || typeFlag == 24);
  }

  /** Counts a frame; false if it is over the limit and must be dropped. */
  public boolean tryAcquire(long nanos) {
    return count(nanos) <= maxFramesPerSecond;
  }

  /** Counts a frame that goes through whatever the rate (a fire alarm). */
  public void acquire(long nanos) {
    count(nanos);
  }

  private int count(long nanos) {
    if (nanos - windowStart >= WINDOW_NANOS) {
      windowStart = nanos;
      framesInWindow = 0;
    }
    return ++framesInWindow;
  }
}
