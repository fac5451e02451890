package io.fenghuo.inspection.inspection;

import io.fenghuo.contracts.id.DeviceAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The integrity rate (完好率): the share of points in normal state, weighted by time. A point is
 * abnormal while a fault record covering it is open: its own fault, disable or power fault; a
 * fault, disable, power or bus fault of its system; or a communication or panel-link fault of its
 * UITD (the centre cannot see it). UITD faults that leave the panel monitored (the UITD's own fault
 * or power) do not count.
 */
public final class Integrity {

  private Integrity() {}

  /**
   * One point: a UITD and the point's board key.
   *
   * @param objectKey a component key ({@code C:…})
   */
  public record PointId(DeviceAddress device, String objectKey) {}

  /**
   * Figures of one period.
   *
   * @param points how many points were counted
   * @param spanMillis the length of the period
   * @param abnormalMillis the sum over points of the time each was abnormal
   */
  public record Figures(int points, long spanMillis, long abnormalMillis) {

    /** The rate, 0..1; null when there is nothing to count. */
    public Double rate() {
      if (points == 0 || spanMillis <= 0) {
        return null;
      }
      return 1.0 - (double) abnormalMillis / ((double) points * spanMillis);
    }

    /** Figures of several units over the same period: point-weighted. */
    public Figures plus(Figures other) {
      return new Figures(
          points + other.points,
          Math.max(spanMillis, other.spanMillis),
          abnormalMillis + other.abnormalMillis);
    }
  }

  /**
   * Repair times of the faults closed in a period.
   *
   * @param closed how many
   * @param mean the mean, or null if none
   * @param p90 the 90th percentile (nearest rank), or null if none
   */
  public record RepairTimes(int closed, Duration mean, Duration p90) {}

  /**
   * The figures of one unit over [{@code from}, {@code to}).
   *
   * @param points the unit's points (from the archive)
   * @param faults the unit's faults that overlap the period (open or closed)
   */
  public static Figures of(
      Collection<PointId> points, Collection<FaultRecord> faults, Instant from, Instant to) {
    long span = Math.max(0, Duration.between(from, to).toMillis());
    Set<PointId> counted = new HashSet<>(points);
    for (FaultRecord f : faults) {
      if (f.objectKey().startsWith("C:") && FaultRules.coversPoints(f.kind())) {
        counted.add(new PointId(f.device(), f.objectKey()));
      }
    }
    Map<PointId, List<Instant[]>> intervals = new HashMap<>();
    for (FaultRecord f : faults) {
      if (!FaultRules.coversPoints(f.kind())) {
        continue;
      }
      Instant start = f.openedAt().isBefore(from) ? from : f.openedAt();
      Instant end = f.closedAt() == null || f.closedAt().isAfter(to) ? to : f.closedAt();
      if (!end.isAfter(start)) {
        continue;
      }
      for (PointId p : counted) {
        if (covers(f, p)) {
          intervals.computeIfAbsent(p, k -> new ArrayList<>()).add(new Instant[] {start, end});
        }
      }
    }
    long abnormal = 0;
    for (List<Instant[]> list : intervals.values()) {
      abnormal += union(list);
    }
    return new Figures(counted.size(), span, abnormal);
  }

  /** Mean and 90th percentile (nearest rank) of repair times. */
  public static RepairTimes repairTimes(Collection<Duration> times) {
    if (times.isEmpty()) {
      return new RepairTimes(0, null, null);
    }
    List<Duration> sorted = new ArrayList<>(times);
    sorted.sort(Comparator.naturalOrder());
    long total = 0;
    for (Duration d : sorted) {
      total += d.toMillis();
    }
    int rank = (int) Math.ceil(0.9 * sorted.size());
    return new RepairTimes(
        sorted.size(), Duration.ofMillis(total / sorted.size()), sorted.get(rank - 1));
  }

  static boolean covers(FaultRecord f, PointId p) {
    if (!f.device().equals(p.device())) {
      return false;
    }
    if (FaultRules.coversDevice(f.kind())) {
      return true;
    }
    String key = f.objectKey();
    if (key.startsWith("C:")) {
      return key.equals(p.objectKey());
    }
    if (key.startsWith("S:")) {
      return p.objectKey().startsWith("C:" + key.substring(2) + ":");
    }
    return false;
  }

  private static long union(List<Instant[]> list) {
    list.sort(Comparator.comparing(i -> i[0]));
    long total = 0;
    Instant curStart = null;
    Instant curEnd = null;
    for (Instant[] i : list) {
      if (curEnd == null || i[0].isAfter(curEnd)) {
        if (curEnd != null) {
          total += Duration.between(curStart, curEnd).toMillis();
        }
        curStart = i[0];
        curEnd = i[1];
      } else if (i[1].isAfter(curEnd)) {
        curEnd = i[1];
      }
    }
    if (curEnd != null) {
      total += Duration.between(curStart, curEnd).toMillis();
    }
    return total;
  }
}
