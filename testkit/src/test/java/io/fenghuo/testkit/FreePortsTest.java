package io.fenghuo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void returnsDistinctPortsThatCanBeBound() throws IOException {
    int[] ports = FreePorts.allocate(6);

    assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(6);
    for (int port : ports) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        assertThat(socket.getLocalPort()).isEqualTo(port);
      }
    }
  }
}
