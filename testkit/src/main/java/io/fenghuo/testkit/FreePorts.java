package io.fenghuo.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Picks loopback ports that nothing listens on right now. */
final class FreePorts {

  private FreePorts() {}

  /**
   * Returns {@code count} distinct free loopback ports.
   *
   * <p>The sockets are held open together so the kernel cannot hand out the same port twice, then
   * released for the caller to bind. Another process may still take a port in between; callers must
   * fail loudly (not hang) when their bind fails.
   *
   * @throws UncheckedIOException if the kernel refuses to open a socket
   */
  static int[] allocate(int count) {
    List<ServerSocket> sockets = new ArrayList<>(count);
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket();
        sockets.add(socket);
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not reserve " + count + " loopback ports", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // Closing a never-connected listening socket does not fail in practice.
        }
      }
    }
  }

  static int allocate() {
    return allocate(1)[0];
  }
}
