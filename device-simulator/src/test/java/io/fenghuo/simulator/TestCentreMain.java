package io.fenghuo.simulator;

import java.util.concurrent.TimeUnit;

/**
 * Runs the test centre as its own process, for measurements with the CLI in another JVM (one JVM
 * holding both ends of 10,000 connections would need 20,000 file descriptors). Prints how many
 * devices it knows and uploads it received every 5 seconds. Not a test; started by hand, see the
 * README's measurement section.
 */
public final class TestCentreMain {

  private TestCentreMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    TestCentre centre = TestCentre.startOn(port);
    centre.forgetUploads();
    System.out.println("test centre listening on " + centre.address());
    while (true) {
      TimeUnit.SECONDS.sleep(5);
      System.out.println(
          "known devices " + centre.knownDevices() + ", uploads " + centre.uploadCount());
    }
  }
}
