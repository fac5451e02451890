package io.fenghuo.dispatch.incident.web;

/**
 * Which roles may call the API at all (ADR 0002), checked before any handler runs; which incidents
 * they see is decided by {@link CallerAccess} and enforced in every query.
 */
final class Permissions {

  /** Roles that read incidents: an operator's staff only their own operator's. */
  static final String READ =
      "hasAnyRole('ADMIN', 'DISPATCHER_119', 'SUPERVISION', 'OPERATOR', 'OPERATOR_SUPERVISOR')";

  /** Roles that answer for the 119 centre: acknowledge, report progress, run a test. */
  static final String CENTRE = "hasAnyRole('ADMIN', 'DISPATCHER_119')";

  /** Roles that read the communication-test record. */
  static final String TESTS = "hasAnyRole('ADMIN', 'DISPATCHER_119', 'SUPERVISION')";

  private Permissions() {}
}
