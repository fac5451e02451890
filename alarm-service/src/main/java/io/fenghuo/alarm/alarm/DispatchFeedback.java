package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.dispatch.DispatchEvent;
import io.fenghuo.contracts.dispatch.DispatchProgressReported;
import io.fenghuo.contracts.dispatch.ForwardPath;
import io.fenghuo.contracts.dispatch.IncidentForwarded;
import io.fenghuo.contracts.dispatch.IncidentUnacknowledged;
import io.fenghuo.contracts.dispatch.ReceiptReceived;
import io.fenghuo.contracts.dispatch.ReceiptStatus;
import io.fenghuo.contracts.id.OperatorId;
import java.util.Objects;

/**
 * Puts what the dispatch-119 service reports about an alarm ({@code fire.op.<op>.dispatch}: every
 * forward to 119, the centre's acknowledgement and dispatch progress, and the order to phone 119
 * when the centre stays silent) on the alarm's audit timeline ({@link
 * TimelineKind#DISPATCH_FEEDBACK}) and into its {@link DispatchState}. Call it through the
 * idempotent consumer: a redelivered event must not reach it twice.
 */
public final class DispatchFeedback {

  private final Alarms alarms;
  private final Transactions transactions;

  public DispatchFeedback(Alarms alarms, Transactions transactions) {
    this.alarms = Objects.requireNonNull(alarms);
    this.transactions = Objects.requireNonNull(transactions);
  }

  /**
   * Records one event on its alarm, in (or joining) a transaction.
   *
   * @param operator the operator whose stream carried it; never null
   * @param event the event; never null
   * @return false if the alarm is unknown here or belongs to another operator (nothing recorded)
   */
  public boolean record(OperatorId operator, DispatchEvent event) {
    return transactions.inTransaction(
        () -> {
          Alarm alarm =
              alarms
                  .lock(event.alarmId())
                  .filter(a -> a.record().operator().equals(operator))
                  .orElse(null);
          if (alarm == null) {
            return false;
          }
          alarm.recordDispatchFeedback(actor(event), describe(event), DispatchState.at(event));
          alarms.save(alarm);
          alarms.saveDispatch(
              alarm, DispatchState.apply(alarms.dispatch(alarm.id()).orElse(null), event));
          return true;
        });
  }

  /** Who the timeline names: the 119 dispatcher (or centre) for receipts, else the platform. */
  static String actor(DispatchEvent event) {
    if (event instanceof ReceiptReceived r) {
      return firstOf(r.dispatcher(), r.centre(), "119");
    }
    if (event instanceof DispatchProgressReported p) {
      return firstOf(p.dispatcher(), p.centre(), "119");
    }
    return TimelineEntry.SYSTEM;
  }

  /** The timeline's words (Chinese, like every entry the service writes). */
  static String describe(DispatchEvent event) {
    if (event instanceof IncidentForwarded f) {
      StringBuilder s =
          new StringBuilder(f.confirmed() ? "已转发 119" : "已作为未确认火警转发 119")
              .append("（")
              .append(f.path() == ForwardPath.KAFKA ? "Kafka 通道" : "Webhook 通道")
              .append("，第 ")
              .append(f.revision())
              .append(" 版第 ")
              .append(f.attempt())
              .append(" 次发送");
      if (f.attempt() > 1) {
        s.append("，未收到签收后重发");
      }
      if (f.confirmationToForwardMillis() != null) {
        s.append("，确认至转发 ").append(f.confirmationToForwardMillis()).append(" ms");
      }
      return s.append("）").toString();
    }
    if (event instanceof ReceiptReceived r) {
      StringBuilder s = new StringBuilder("119 已签收（接警确认）");
      if (r.centre() != null) {
        s.append(" · ").append(r.centre());
      }
      if (r.publishToReceiptMillis() != null) {
        s.append("，转发至签收 ").append(r.publishToReceiptMillis()).append(" ms");
      }
      if (r.note() != null) {
        s.append("：").append(r.note());
      }
      return s.toString();
    }
    if (event instanceof DispatchProgressReported p) {
      StringBuilder s = new StringBuilder("119 调度进展：").append(stage(p.stage()));
      if (p.centre() != null) {
        s.append(" · ").append(p.centre());
      }
      if (p.note() != null) {
        s.append("：").append(p.note());
      }
      return s.toString();
    }
    IncidentUnacknowledged u = (IncidentUnacknowledged) event;
    return u.message() + " 电话 " + u.centrePhone() + "（已发送 " + u.attempts() + " 次，均未签收）";
  }

  /** The stage in the words of a 119 centre. */
  static String stage(ReceiptStatus stage) {
    switch (stage) {
      case ACKNOWLEDGED:
        return "已签收";
      case ACCEPTED:
        return "已受理";
      case UNITS_DISPATCHED:
        return "已出动";
      case ARRIVED:
        return "已到场";
      case UNDER_CONTROL:
        return "已控制";
      case CLOSED:
        return "已结案";
      default:
        return stage.name();
    }
  }

  private static String firstOf(String a, String b, String fallback) {
    return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : fallback;
  }
}
