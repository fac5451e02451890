package io.fenghuo.bench.platform;

import io.fenghuo.bench.report.BenchResult;
import java.util.List;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * The probe cycles of {@code board-lag} as figures: per lag the seen ones' percentiles and the
 * unseen.
 */
final class BoardLagStats {

  /** One lag of the cycles: its name in the result, what it is, how it is read from a cycle. */
  record Lag(String name, String meaning, ToLongFunction<BoardProbe.Cycle> micros) {}

  static final List<Lag> LAGS =
      List.of(
          new Lag(
              "board.fault",
              "fault frame sent → the point shows FAULT on GET /api/units/{unit}/board",
              BoardProbe.Cycle::boardFault),
          new Lag(
              "board.normal",
              "recovery frame sent → the point shows NORMAL on the board again",
              BoardProbe.Cycle::boardNormal),
          new Lag(
              "stream.opened",
              "fault frame sent → fault.opened of the point read from fire.op.op-a.fault",
              BoardProbe.Cycle::faultOpened),
          new Lag(
              "stream.closed",
              "recovery frame sent → fault.closed of the point read from fire.op.op-a.fault",
              BoardProbe.Cycle::faultClosed));

  /**
   * Percentiles in µs of the seen values (≥ 0); the count of the unseen (-1); recoveries of unseen
   * faults ({@link BoardProbe#NOT_MEASURED}) are in neither.
   */
  record Figures(Histogram micros, long unseen, long over10s, long over20s) {}

  private BoardLagStats() {}

  static Figures of(List<BoardProbe.Cycle> cycles, ToLongFunction<BoardProbe.Cycle> lag) {
    Histogram h = new Histogram(3_600_000_000L, 3);
    long unseen = 0;
    long over10 = 0;
    long over20 = 0;
    for (BoardProbe.Cycle c : cycles) {
      long v = lag.applyAsLong(c);
      if (v == BoardProbe.NOT_MEASURED) {
        continue;
      }
      if (v < 0) {
        unseen++;
        continue;
      }
      h.recordValue(Math.min(v, h.getHighestTrackableValue()));
      if (v > 10_000_000) {
        over10++;
      }
      if (v > 20_000_000) {
        over20++;
      }
    }
    return new Figures(h, unseen, over10, over20);
  }

  /** Adds every lag's figures to the result: percentiles, unseen, over 10 s and 20 s. */
  static void report(BenchResult result, List<BoardProbe.Cycle> cycles) {
    for (Lag lag : LAGS) {
      Figures f = of(cycles, lag.micros());
      result.latency(lag.name(), f.micros(), lag.meaning());
      result.metric(
          lag.name() + ".unseen",
          f.unseen(),
          "",
          "of "
              + (f.micros().getTotalCount() + f.unseen())
              + " timed, not seen within the timeout (a recovery is timed only after its fault"
              + " was seen)");
      result.metric(
          lag.name() + ".over-10s",
          f.over10s(),
          "",
          "seen later than 10 s (GB 26875.1: a UITD sends status within 10 s; for reference)");
      result.metric(
          lag.name() + ".over-20s",
          f.over20s(),
          "",
          "seen later than 20 s (GB 50440's limit for fire alarms; for reference)");
    }
  }
}
