package io.fenghuo.simulator;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.session.RetransmissionPolicy;
import io.fenghuo.simulator.device.AddressText;
import io.fenghuo.simulator.device.Condition;
import io.fenghuo.simulator.device.DeviceEvent;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.device.Point;
import io.fenghuo.simulator.device.PointSelector;
import io.fenghuo.simulator.session.Backoff;
import io.fenghuo.simulator.session.DutyCheckBehaviour;
import io.fenghuo.simulator.session.HeartbeatMode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** Test fixtures in the domain's words. */
final class Fixtures {

  static final Address UNIT_12_UITD = AddressText.parse("0140609623b2");

  /** Loop 1 point 7: the smoke detector of the example. */
  static final long LOOP_1_POINT_7 = Point.loopPoint(1, 7);

  private Fixtures() {}

  /** The UITD of unit 12: a smoke detector at loop 1 point 7 and a manual call point. */
  static DeviceSpec unit12Uitd() {
    return new DeviceSpec(
        UNIT_12_UITD,
        DeviceProfile.STANDARD,
        List.of(
            Point.component(1, 1, 42, LOOP_1_POINT_7, "3F 东走廊 感烟"),
            Point.component(1, 1, 23, Point.loopPoint(1, 12), "3F 楼梯间 手报"),
            Point.component(11, 1, 92, Point.loopPoint(0, 1), "消防水箱")));
  }

  /** Fast timers so tests do not wait for the standard's 10 s. */
  static SimulatorConfig.Builder fastConfig(InetSocketAddress centre) {
    return SimulatorConfig.builder(centre)
        .heartbeat(HeartbeatMode.EMPTY, Duration.ofMillis(300))
        .retransmission(new RetransmissionPolicy(Duration.ofMillis(300), 3))
        .dutyCheck(new DutyCheckBehaviour(Duration.ofMillis(200), Duration.ofMillis(300), 0, 7))
        .backoff(new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)))
        .connectRate(5000);
  }

  static DeviceEvent fireAt(long componentAddress) {
    return new DeviceEvent.Change(PointSelector.component(componentAddress), Condition.FIRE, true);
  }
}
