package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.DisconnectReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One UITD's liveness, clock and poll schedule. Mutable; the desk loads it locked, changes it and
 * stores it in one transaction.
 */
public final class Uitd {

  private final OperatorId operator;
  private final DeviceAddress device;
  private UnitId unit;
  private Liveness liveness;
  private Instant lastSeenAt;
  private Boolean connected;
  private Instant disconnectedAt;
  private DisconnectReason disconnectReason;
  private Instant offlineDueAt;
  private Instant offlineSince;
  private Long clockDriftMs;
  private Instant clockDriftAt;
  private Instant clockSyncRequestedAt;
  private Instant lastPollAt;
  private Instant nextPollAt;

  /**
   * A signal heard within this fraction of the heartbeat window after the stored last-seen time
   * need not be written (see {@link #coalesces}).
   */
  public static final int COALESCE_FRACTION = 20;

  /** A clock drift that differs from the stored one by less than this need not be written. */
  public static final Duration DRIFT_RESOLUTION = Duration.ofSeconds(1);

  /** What hearing a signal changed. */
  public enum Heard {
    /** Nothing about liveness (already online, or the signal is too old to count). */
    NOTHING,
    /** It is online now and was not known before. */
    FIRST_HEARD,
    /** It was offline and is online again: its communication fault closes. */
    BACK_ONLINE
  }

  public Uitd(
      OperatorId operator,
      DeviceAddress device,
      UnitId unit,
      Liveness liveness,
      Instant lastSeenAt,
      Boolean connected,
      Instant disconnectedAt,
      DisconnectReason disconnectReason,
      Instant offlineDueAt,
      Instant offlineSince,
      Long clockDriftMs,
      Instant clockDriftAt,
      Instant clockSyncRequestedAt,
      Instant lastPollAt,
      Instant nextPollAt) {
    this.operator = Objects.requireNonNull(operator);
    this.device = Objects.requireNonNull(device);
    this.unit = unit;
    this.liveness = Objects.requireNonNull(liveness);
    this.lastSeenAt = lastSeenAt;
    this.connected = connected;
    this.disconnectedAt = disconnectedAt;
    this.disconnectReason = disconnectReason;
    this.offlineDueAt = offlineDueAt;
    this.offlineSince = offlineSince;
    this.clockDriftMs = clockDriftMs;
    this.clockDriftAt = clockDriftAt;
    this.clockSyncRequestedAt = clockSyncRequestedAt;
    this.lastPollAt = lastPollAt;
    this.nextPollAt = Objects.requireNonNull(nextPollAt);
  }

  /**
   * A device the service has just learned of: never heard, first poll spread over one period (by
   * its address), so that a restart or a large import does not poll every UITD at once.
   */
  public static Uitd learned(
      OperatorId operator, DeviceAddress device, UnitId unit, Instant now, Duration period) {
    long spread = Math.floorMod(device.toString().hashCode(), Math.max(1, period.toMillis()));
    return new Uitd(
        operator,
        device,
        unit,
        Liveness.UNKNOWN,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        now.plusMillis(spread));
  }

  /**
   * The device sent something received at {@code receivedAt}. A signal counts only while it is
   * fresh (within the offline deadline of now): a backlog of old signals read after an outage does
   * not bring a device online.
   */
  public Heard heard(Instant receivedAt, Instant now, Policy policy) {
    Instant at = receivedAt.isAfter(now) ? now : receivedAt;
    Instant due = at.plus(policy.offlineAfter());
    if (!due.isAfter(now)) {
      return Heard.NOTHING;
    }
    if (lastSeenAt == null || at.isAfter(lastSeenAt)) {
      lastSeenAt = at;
    }
    if (disconnectedAt != null && at.isAfter(disconnectedAt)) {
      disconnectedAt = null;
      connected = Boolean.TRUE;
    }
    offlineDueAt = lastSeenAt.plus(policy.offlineAfter());
    Liveness before = liveness;
    liveness = Liveness.ONLINE;
    offlineSince = null;
    return switch (before) {
      case UNKNOWN -> Heard.FIRST_HEARD;
      case OFFLINE -> Heard.BACK_ONLINE;
      case ONLINE -> Heard.NOTHING;
    };
  }

  /** A session (re)started. */
  public Heard connected(Instant at, Instant now, Policy policy) {
    if (disconnectedAt == null || at.isAfter(disconnectedAt)) {
      connected = Boolean.TRUE;
      disconnectedAt = null;
      disconnectReason = null;
    }
    return heard(at, now, policy);
  }

  /**
   * The session ended: unless it was replaced by a newer one, the device must be heard again within
   * the tolerance, or it goes offline.
   */
  public void disconnected(Instant at, DisconnectReason reason, Policy policy) {
    if (reason == DisconnectReason.REPLACED || (lastSeenAt != null && lastSeenAt.isAfter(at))) {
      return;
    }
    connected = Boolean.FALSE;
    disconnectedAt = at;
    disconnectReason = reason;
    if (liveness == Liveness.ONLINE) {
      Instant due = at.plus(policy.offlineTolerance());
      if (offlineDueAt == null || due.isBefore(offlineDueAt)) {
        offlineDueAt = due;
      }
    }
  }

  /**
   * Goes offline if its deadline passed.
   *
   * @return whether it went offline now (a communication fault opens)
   */
  public boolean sweep(Instant now) {
    if (liveness == Liveness.ONLINE && offlineDueAt != null && !offlineDueAt.isAfter(now)) {
      liveness = Liveness.OFFLINE;
      offlineSince = offlineDueAt;
      return true;
    }
    return false;
  }

  /**
   * Records the clock drift of a signal's time label against its receipt.
   *
   * @return whether a clock sync should be requested now
   */
  public boolean clockDrift(Instant occurredAt, Instant receivedAt, Instant now, Tuning tuning) {
    long drift = Duration.between(receivedAt, occurredAt).toMillis();
    clockDriftMs = drift;
    clockDriftAt = receivedAt;
    if (!tuning.syncOnDrift() || Math.abs(drift) <= tuning.driftLimit().toMillis()) {
      return false;
    }
    if (clockSyncRequestedAt != null && clockSyncRequestedAt.plus(tuning.syncGap()).isAfter(now)) {
      return false;
    }
    clockSyncRequestedAt = now;
    return true;
  }

  /** A copy, to compare with after a change ({@link #coalesces}). */
  public Uitd copy() {
    return new Uitd(
        operator,
        device,
        unit,
        liveness,
        lastSeenAt,
        connected,
        disconnectedAt,
        disconnectReason,
        offlineDueAt,
        offlineSince,
        clockDriftMs,
        clockDriftAt,
        clockSyncRequestedAt,
        lastPollAt,
        nextPollAt);
  }

  /**
   * Whether this state, changed from {@code stored} by hearing signals, may stay unwritten: the
   * device was and is online without a pending disconnect, and only its last-seen time, deadline
   * and clock drift moved, by less than the heartbeat window / {@value #COALESCE_FRACTION} (9 s of
   * the default 3 min) and the drift by less than {@link #DRIFT_RESOLUTION}. The stored deadline is
   * then at most that much earlier than the true one and never later: offline detection stays
   * within window + tolerance of the last signal (it may come up to that slack early, which the
   * tolerance absorbs), and a busy device's row is written about once per slack instead of once per
   * signal.
   */
  public boolean coalesces(Uitd stored, Policy policy) {
    Duration slack = policy.heartbeatWindow().dividedBy(COALESCE_FRACTION);
    return liveness == Liveness.ONLINE
        && stored.liveness == Liveness.ONLINE
        && disconnectedAt == null
        && stored.disconnectedAt == null
        && Objects.equals(unit, stored.unit)
        && Objects.equals(connected, stored.connected)
        && disconnectReason == stored.disconnectReason
        && Objects.equals(offlineSince, stored.offlineSince)
        && Objects.equals(clockSyncRequestedAt, stored.clockSyncRequestedAt)
        && Objects.equals(lastPollAt, stored.lastPollAt)
        && Objects.equals(nextPollAt, stored.nextPollAt)
        && within(stored.lastSeenAt, lastSeenAt, slack)
        && within(stored.offlineDueAt, offlineDueAt, slack)
        && within(stored.clockDriftAt, clockDriftAt, slack)
        && (Objects.equals(clockDriftMs, stored.clockDriftMs)
            || (clockDriftMs != null
                && stored.clockDriftMs != null
                && Math.abs(clockDriftMs - stored.clockDriftMs) < DRIFT_RESOLUTION.toMillis()));
  }

  /** Whether {@code now} is {@code held} or later by less than {@code slack}. */
  private static boolean within(Instant held, Instant now, Duration slack) {
    if (held == null || now == null) {
      return held == now;
    }
    return !now.isBefore(held) && Duration.between(held, now).compareTo(slack) < 0;
  }

  /** A poll was sent; the next one is a period later. */
  public void polled(Instant now, Duration period) {
    lastPollAt = now;
    nextPollAt = now.plus(period);
  }

  /** The period changed: the next poll is a period after the last one, and never in the past. */
  public void reschedule(Instant now, Duration period) {
    Instant base = lastPollAt == null ? now : lastPollAt;
    Instant next = base.plus(period);
    nextPollAt = next.isBefore(now) ? now : next;
  }

  /** The unit stream bound it to a unit. */
  public void boundTo(UnitId unit) {
    this.unit = unit;
  }

  public OperatorId operator() {
    return operator;
  }

  public DeviceAddress device() {
    return device;
  }

  public UnitId unit() {
    return unit;
  }

  public Liveness liveness() {
    return liveness;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  public Boolean connected() {
    return connected;
  }

  public Instant disconnectedAt() {
    return disconnectedAt;
  }

  public DisconnectReason disconnectReason() {
    return disconnectReason;
  }

  public Instant offlineDueAt() {
    return offlineDueAt;
  }

  public Instant offlineSince() {
    return offlineSince;
  }

  public Long clockDriftMs() {
    return clockDriftMs;
  }

  public Instant clockDriftAt() {
    return clockDriftAt;
  }

  public Instant clockSyncRequestedAt() {
    return clockSyncRequestedAt;
  }

  public Instant lastPollAt() {
    return lastPollAt;
  }

  public Instant nextPollAt() {
    return nextPollAt;
  }
}
