package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.alarm.AlarmCategory;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read side of the alarms (port): cards, detail parts, history and statistics. */
public interface AlarmQueries {

  /** Open alarms of an operator, or of a unit when {@code unit} is given. */
  List<Views.AlarmCard> openCards(OperatorId operator, UnitId unit);

  /** One alarm's card. */
  Optional<Views.AlarmCard> card(AlarmId id);

  List<Views.PointView> points(AlarmId id);

  /** The result of a closed alarm. */
  Optional<Views.Result> result(AlarmId id);

  /** The key of the alarm's first point. */
  Optional<String> firstPointKey(AlarmId id);

  List<Views.CallView> calls(AlarmId id);

  List<Views.TimelineEntryView> timeline(AlarmId id);

  /** Alarms and false alarms of a point (device + point key) and of a unit. */
  Views.FalseAlarmRate falseAlarmRate(OperatorId operator, UnitId unit, String firstPointKey);

  /** The operator's flood state now. */
  FloodCount flood(OperatorId operator, Instant since);

  /** Units whose points within the window exceed the threshold. */
  List<String> floodingUnits(OperatorId operator, Instant since, int points);

  Views.HistoryPage history(HistoryQuery query);

  Views.FalseAlarmStatistics statistics(OperatorId operator, UnitId unit, Instant from, Instant to);

  /**
   * Counts of the flood window.
   *
   * @param alarms alarms with a point in the window
   * @param units distinct units among them
   * @param points point reports in the window
   */
  record FloodCount(int alarms, int units, int points) {}

  /** History filters; null = any. */
  record HistoryQuery(
      OperatorId operator,
      UnitId unit,
      AlarmState state,
      Verdict verdict,
      AlarmCategory category,
      Instant from,
      Instant to,
      int page,
      int size) {}

  /** The alarm's state at the 119 boundary, if the dispatch service reported any. */
  Optional<DispatchState> dispatch(AlarmId id);
}
