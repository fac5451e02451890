package io.fenghuo.dispatch.support;

import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.alarm.AlarmDismissed;
import io.fenghuo.contracts.alarm.AlarmForwardedUnconfirmed;
import io.fenghuo.contracts.alarm.ConfirmationMethod;
import io.fenghuo.contracts.alarm.DismissalVerdict;
import io.fenghuo.contracts.alarm.EscalationReason;
import io.fenghuo.contracts.alarm.FalseAlarmCause;
import io.fenghuo.contracts.alarm.FireReport;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicName;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.contracts.unit.UnitCategory;
import java.time.Instant;
import java.util.List;

/** Alarm events in the language of the monitoring centre. */
public final class Fires {

  private Fires() {}

  /** The alarm topic of an operator. */
  public static TopicName alarmsOf(String operator) {
    return TopicNames.of(OperatorId.of(operator), Stream.ALARM);
  }

  /** The dispatch topic of an operator. */
  public static String dispatchOf(String operator) {
    return TopicNames.of(OperatorId.of(operator), Stream.DISPATCH).toString();
  }

  /** The full fire report of a crowded place in 杭州市西湖区. */
  public static FireReport aFireReport() {
    return new FireReport(
        "杭州西湖文化广场",
        UnitCategory.CROWDED_PLACE,
        "浙江省杭州市西湖区文三路1号",
        "330106",
        new FireReport.Coordinates(30.2741, 120.1551),
        "3号楼",
        2,
        "3号楼 2层 东侧走廊",
        "纸箱",
        "小",
        "张伟",
        "0571-88000119",
        List.of(
            new FireReport.Contact(1, "消防控制室", "消防控制室", "0571-88000119"),
            new FireReport.Contact(2, "张伟", "值班员", "13900000003")),
        DeviceAddress.of("0140609623b2"),
        List.of(PointRef.component(1, 1, 40, 16908291L)));
  }

  /** A fire the operator confirmed a moment ago. */
  public static AlarmConfirmed aConfirmedFire(AlarmId alarm) {
    Instant now = Instant.now();
    return new AlarmConfirmed(
        alarm,
        UnitId.of("U-330106-0001"),
        "op-a.zhang.wei",
        false,
        now.minusSeconds(80),
        now,
        "消控室值班员确认2层东侧有明火",
        ConfirmationMethod.PHONE_CONFIRMED,
        aFireReport());
  }

  /** The operator got through to the unit: dust, not a fire. */
  public static AlarmDismissed aFalseAlarmDismissal(AlarmId alarm) {
    return new AlarmDismissed(
        alarm,
        UnitId.of("U-330106-0001"),
        DismissalVerdict.FALSE_ALARM,
        FalseAlarmCause.DUST,
        "op-a.zhang.wei",
        Instant.now(),
        "装修粉尘触发烟感");
  }

  /** A fire alarm the operator's policy forwarded unconfirmed a moment ago. */
  public static AlarmForwardedUnconfirmed anUnconfirmedForward(AlarmId alarm) {
    Instant now = Instant.now();
    FireReport r = aFireReport();
    return new AlarmForwardedUnconfirmed(
        alarm,
        UnitId.of("U-330106-0001"),
        false,
        EscalationReason.NOT_CLAIMED,
        false,
        now.minusSeconds(60),
        now,
        new FireReport(
            r.unitName(),
            r.unitCategory(),
            r.unitAddress(),
            r.district(),
            r.coordinates(),
            r.building(),
            r.floor(),
            r.fireLocation(),
            null,
            null,
            null,
            null,
            r.contacts(),
            r.device(),
            r.points()));
  }
}
