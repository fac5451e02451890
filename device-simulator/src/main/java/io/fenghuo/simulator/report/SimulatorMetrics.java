package io.fenghuo.simulator.report;

import io.fenghuo.simulator.device.UploadKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Counters and latency histograms of a fleet, updated from every event loop without locks (adders,
 * atomics and HdrHistogram's {@link ConcurrentHistogram}) and read by {@link #snapshot}.
 */
public final class SimulatorMetrics {

  /** Failures kept with details; the rest are only counted. */
  public static final int MAX_FAILURE_DETAILS = 100;

  private static final long HOUR_MICROS = 3_600_000_000L;

  private final long startNanos = System.nanoTime();
  private final int devices;

  private final LongAdder connectAttempts = new LongAdder();
  private final LongAdder connectFailures = new LongAdder();
  private final LongAdder connections = new LongAdder();
  private final LongAdder disconnects = new LongAdder();
  private final AtomicInteger connected = new AtomicInteger();

  private final Map<UploadKind, LongAdder> sent = adders();
  private final Map<UploadKind, LongAdder> confirmed = adders();
  private final Map<UploadKind, LongAdder> failed = adders();
  private final Map<UploadKind, LongAdder> dropped = adders();
  private final LongAdder retransmissions = new LongAdder();
  private final LongAdder denied = new LongAdder();
  private final LongAdder unmatchedReplies = new LongAdder();
  private final LongAdder framesRejected = new LongAdder();
  private final LongAdder writeFailures = new LongAdder();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicLong queued = new AtomicLong();

  private final AtomicLongArray downlinksReceived = new AtomicLongArray(256);
  private final AtomicLongArray downlinksAnswered = new AtomicLongArray(256);
  private final LongAdder downlinksDenied = new LongAdder();
  private final LongAdder dutyCheckReplies = new LongAdder();
  private final LongAdder dutyChecksMissed = new LongAdder();
  private final AtomicLong dutyRepliesPending = new AtomicLong();
  private final LongAdder clockSyncs = new LongAdder();

  private final Histogram uploadLatencyMicros = new ConcurrentHistogram(HOUR_MICROS, 3);
  private final Histogram connectLatencyMicros = new ConcurrentHistogram(HOUR_MICROS, 3);

  private final ConcurrentLinkedQueue<Report.Failure> failures = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failureDetails = new AtomicInteger();

  /**
   * @param devices number of devices in the fleet, for reports
   */
  public SimulatorMetrics(int devices) {
    this.devices = devices;
  }

  private static Map<UploadKind, LongAdder> adders() {
    Map<UploadKind, LongAdder> m = new EnumMap<>(UploadKind.class);
    for (UploadKind k : UploadKind.values()) {
      m.put(k, new LongAdder());
    }
    return m;
  }

  // ---- connections ----

  public void connectAttempted() {
    connectAttempts.increment();
  }

  public void connectFailed() {
    connectFailures.increment();
  }

  public void connected(long latencyNanos) {
    connections.increment();
    connected.incrementAndGet();
    connectLatencyMicros.recordValue(clamp(latencyNanos / 1000));
  }

  /**
   * @param lost true if the connection dropped (centre gone, reset, disconnect event); false when
   *     the simulator closed it on stop
   */
  public void disconnected(boolean lost) {
    if (lost) {
      disconnects.increment();
    }
    connected.decrementAndGet();
  }

  /** Devices connected right now. */
  public int connectedNow() {
    return connected.get();
  }

  // ---- uploads ----

  public void sent(UploadKind kind) {
    sent.get(kind).increment();
    inFlight.incrementAndGet();
  }

  public void confirmed(UploadKind kind, long latencyNanos) {
    confirmed.get(kind).increment();
    inFlight.decrementAndGet();
    uploadLatencyMicros.recordValue(clamp(latencyNanos / 1000));
  }

  public void retransmitted() {
    retransmissions.increment();
  }

  public void denied() {
    denied.increment();
  }

  /** Retries ran out (§6.5.5), or the upload could not be kept. */
  public void failed(UploadKind kind, String device, String reason, int retransmissions) {
    failed.get(kind).increment();
    if (failureDetails.incrementAndGet() <= MAX_FAILURE_DETAILS) {
      failures.add(new Report.Failure(device, kind.label(), reason, retransmissions));
    }
  }

  /** An in-flight upload left the wire without an outcome (connection lost). */
  public void leftFlight() {
    inFlight.decrementAndGet();
  }

  /** A periodic upload lost with its connection; not retried, not a failure. */
  public void dropped(UploadKind kind) {
    dropped.get(kind).increment();
  }

  public void queuedChanged(int delta) {
    queued.addAndGet(delta);
  }

  public void unmatchedReply() {
    unmatchedReplies.increment();
  }

  public void frameRejected() {
    framesRejected.increment();
  }

  public void writeFailed() {
    writeFailures.increment();
  }

  // ---- downlinks ----

  public void downlinkReceived(int typeFlag) {
    downlinksReceived.incrementAndGet(typeFlag & 0xFF);
  }

  public void downlinkAnswered(int typeFlag) {
    downlinksAnswered.incrementAndGet(typeFlag & 0xFF);
  }

  public void downlinkDenied() {
    downlinksDenied.increment();
  }

  public void clockSynced() {
    clockSyncs.increment();
  }

  public void dutyReplyScheduled() {
    dutyRepliesPending.incrementAndGet();
  }

  public void dutyReplySent() {
    dutyRepliesPending.decrementAndGet();
    dutyCheckReplies.increment();
  }

  /** A scheduled reply that will never be sent (device stopped). */
  public void dutyReplyCancelled() {
    dutyRepliesPending.decrementAndGet();
  }

  public void dutyCheckMissed() {
    dutyChecksMissed.increment();
  }

  /**
   * Uploads not finished yet: in flight, queued for a connection, or 查岗 replies waiting for the
   * human delay. Zero means a fleet can stop without losing anything.
   */
  public long outstanding() {
    return inFlight.get() + queued.get() + dutyRepliesPending.get();
  }

  private static long clamp(long micros) {
    return Math.max(0, Math.min(micros, HOUR_MICROS));
  }

  /**
   * A consistent-enough copy of every counter for a report (counters keep moving while it is
   * taken).
   *
   * @param phase {@code "progress"} or {@code "final"}
   */
  public Report snapshot(String phase) {
    Map<String, Report.KindCount> byKind = new LinkedHashMap<>();
    long totalSent = 0, totalConfirmed = 0, totalFailed = 0, totalDropped = 0;
    for (UploadKind k : UploadKind.values()) {
      long s = sent.get(k).sum(), c = confirmed.get(k).sum(), f = failed.get(k).sum();
      long d = dropped.get(k).sum();
      totalSent += s;
      totalConfirmed += c;
      totalFailed += f;
      totalDropped += d;
      if (s + c + f + d > 0) {
        byKind.put(k.label(), new Report.KindCount(s, c, f, d));
      }
    }
    Map<String, Long> received = new LinkedHashMap<>();
    Map<String, Long> answered = new LinkedHashMap<>();
    long totalReceived = 0, totalAnswered = 0;
    for (int t = 0; t < 256; t++) {
      long r = downlinksReceived.get(t), a = downlinksAnswered.get(t);
      if (r > 0) {
        received.put(Integer.toString(t), r);
        totalReceived += r;
      }
      if (a > 0) {
        answered.put(Integer.toString(t), a);
        totalAnswered += a;
      }
    }
    List<Report.Failure> details = new ArrayList<>(failures);
    return new Report(
        phase,
        (System.nanoTime() - startNanos) / 1e9,
        devices,
        new Report.Connections(
            connectAttempts.sum(),
            connections.sum(),
            connectFailures.sum(),
            disconnects.sum(),
            connected.get()),
        new Report.Uploads(
            totalSent,
            totalConfirmed,
            totalFailed,
            totalDropped,
            retransmissions.sum(),
            denied.sum(),
            inFlight.get(),
            queued.get(),
            byKind),
        new Report.Downlinks(
            totalReceived,
            totalAnswered,
            downlinksDenied.sum(),
            received,
            answered,
            clockSyncs.sum(),
            dutyCheckReplies.sum(),
            dutyChecksMissed.sum(),
            dutyRepliesPending.get()),
        new Report.Anomalies(unmatchedReplies.sum(), framesRejected.sum(), writeFailures.sum()),
        Report.Latency.of(uploadLatencyMicros),
        Report.Latency.of(connectLatencyMicros),
        details);
  }
}
