package io.fenghuo.unit.archive.web;

/**
 * Which roles may call the archive API at all (ADR 0002), checked before any handler runs; which
 * units they see is decided by {@link CallerAccess} and enforced in every query.
 */
final class Permissions {

  /** Every role that reads units: its own tenant's for operators and unit managers. */
  static final String READ =
      "hasAnyRole('ADMIN', 'OPERATOR', 'OPERATOR_SUPERVISOR', 'SUPERVISION', 'UNIT_MANAGER')";

  /** Roles that change units: an operator its own, an administrator any. */
  static final String WRITE = "hasAnyRole('ADMIN', 'OPERATOR', 'OPERATOR_SUPERVISOR')";

  private Permissions() {}
}
