package io.fenghuo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.simulator.fleet.FleetGenerator;
import io.fenghuo.simulator.scenario.Scenario;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SimulatorConfig#localAddresses()}: devices connect from the given source addresses. */
class LocalAddressIT {

  @Test
  void devicesConnectFromTheLocalAddressesRoundRobin() throws Exception {
    List<InetAddress> locals =
        List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3"));
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      SimulatorConfig config =
          SimulatorConfig.builder(
                  new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()))
              .localAddresses(locals)
              .build();
      List<String> sources = new ArrayList<>();
      List<Socket> accepted = new ArrayList<>();
      try (Fleet fleet =
          Fleet.start(
              config,
              FleetGenerator.generate(4, FleetGenerator.DEFAULT_BASE, 1, DeviceProfile.STANDARD),
              Scenario.EMPTY)) {
        server.setSoTimeout(10_000);
        for (int i = 0; i < 4; i++) {
          Socket s = server.accept();
          accepted.add(s);
          sources.add(
              ((InetSocketAddress) s.getRemoteSocketAddress()).getAddress().getHostAddress());
        }
      } finally {
        for (Socket s : accepted) {
          s.close();
        }
      }
      assertThat(sources)
          .containsExactlyInAnyOrder("127.0.0.2", "127.0.0.3", "127.0.0.2", "127.0.0.3");
    }
  }
}
