package io.fenghuo.dispatch.incident;

/** Raises an alert for the people running the platform (port): logs and metrics. */
public interface Alerts {

  /** A communication test with the 119 centre failed. */
  void communicationTestFailed(CommunicationTest test);

  /** A communication test passed (clears the alert). */
  void communicationTestPassed(CommunicationTest test);
}
