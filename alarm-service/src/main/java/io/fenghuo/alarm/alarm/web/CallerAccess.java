package io.fenghuo.alarm.alarm.web;

import io.fenghuo.alarm.alarm.Access;
import io.fenghuo.alarm.alarm.AlarmException;
import io.fenghuo.contracts.id.AlarmId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.starter.security.Caller;
import io.fenghuo.starter.security.Role;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Maps the caller's token to alarm access (broadest role wins) and parses path values. */
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
    return new Access(Access.Kind.NONE, null, null, caller.subject());
  }

  static AlarmId alarm(String id) {
    try {
      return AlarmId.of(id);
    } catch (IllegalArgumentException e) {
      throw new AlarmException.Invalid("id", e.getMessage());
    }
  }

  static UnitId unit(String field, String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    try {
      return UnitId.of(id);
    } catch (IllegalArgumentException e) {
      throw new AlarmException.Invalid(field, e.getMessage());
    }
  }

  static UUID uuid(String field, String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new AlarmException.Invalid(field, "'" + id + "' is not a UUID");
    }
  }

  static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new AlarmException.Invalid(
          field, "'" + value + "' is not an ISO instant such as 2026-11-28T08:00:00Z");
    }
  }
}
