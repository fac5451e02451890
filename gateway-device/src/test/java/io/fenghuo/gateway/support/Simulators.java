package io.fenghuo.gateway.support;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.session.RetransmissionPolicy;
import io.fenghuo.simulator.SimulatorConfig;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.device.PointSelector;
import io.fenghuo.simulator.fleet.FleetGenerator;
import io.fenghuo.simulator.session.DutyCheckBehaviour;
import io.fenghuo.simulator.session.HeartbeatMode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** {@code device-simulator} settings for the gateway's tests. */
public final class Simulators {

  private Simulators() {}

  /**
   * Fast retransmission, an empty heartbeat every second (the gateway learns the device from it),
   * 查岗 answered after 100–200 ms.
   */
  public static SimulatorConfig.Builder config(InetSocketAddress gateway) {
    return SimulatorConfig.builder(gateway)
        .heartbeat(HeartbeatMode.EMPTY, Duration.ofSeconds(1))
        .retransmission(new RetransmissionPolicy(Duration.ofSeconds(2), 3))
        .dutyCheck(new DutyCheckBehaviour(Duration.ofMillis(100), Duration.ofMillis(200), 0, 1));
  }

  /** {@code count} generated devices with 8 points each, from {@code base}. */
  public static List<DeviceSpec> devices(long base, int count) {
    return FleetGenerator.generate(count, Address.of(base), 8, DeviceProfile.STANDARD);
  }

  /** The first fire-alarm component of a generated device. */
  public static PointSelector firstComponent(DeviceSpec spec) {
    return PointSelector.component(spec.components().get(0).componentAddress().value());
  }
}
