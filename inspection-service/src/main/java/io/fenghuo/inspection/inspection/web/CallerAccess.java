package io.fenghuo.inspection.inspection.web;

import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.inspection.inspection.Access;
import io.fenghuo.inspection.inspection.InspectionException;
import io.fenghuo.starter.security.Caller;
import io.fenghuo.starter.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Maps the caller's token to access (broadest role wins) and parses request values. */
final class CallerAccess {

  private CallerAccess() {}

  static Access of(Caller caller) {
    if (caller.has(Role.ADMIN)) {
      return new Access(Access.Kind.ADMIN, null, null, caller.subject());
    }
    if (caller.has(Role.OPERATOR_SUPERVISOR)) {
      return new Access(Access.Kind.OPERATOR_SUPERVISOR, caller.operator(), null, caller.subject());
    }
    if (caller.has(Role.OPERATOR)) {
      return new Access(Access.Kind.OPERATOR, caller.operator(), null, caller.subject());
    }
    if (caller.has(Role.SUPERVISION)) {
      return new Access(Access.Kind.SUPERVISION, null, null, caller.subject());
    }
    if (caller.has(Role.UNIT_MANAGER)) {
      return new Access(Access.Kind.UNIT_MANAGER, null, caller.unit(), caller.subject());
    }
    if (caller.has(Role.MAINTENANCE)) {
      return new Access(
          Access.Kind.MAINTENANCE, null, null, caller.maintenanceCompany(), caller.subject());
    }
    return new Access(Access.Kind.NONE, null, null, caller.subject());
  }

  static FaultId fault(String id) {
    try {
      return FaultId.of(id);
    } catch (IllegalArgumentException e) {
      throw new InspectionException.Invalid("id", e.getMessage());
    }
  }

  static UnitId unit(String field, String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    try {
      return UnitId.of(id);
    } catch (IllegalArgumentException e) {
      throw new InspectionException.Invalid(field, e.getMessage());
    }
  }

  static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InspectionException.Invalid(
          field, "'" + value + "' is not an ISO instant such as 2026-11-28T08:00:00Z");
    }
  }

  static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InspectionException.Invalid(
          field, "'" + value + "' is not an ISO date such as 2026-11-28");
    }
  }

  static Duration duration(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new InspectionException.Invalid(
          field, "'" + value + "' is not an ISO duration such as PT1H");
    }
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InspectionException.Invalid(
          field,
          "'" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
