package io.fenghuo.unit.archive.web;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.unit.archive.ArchiveException;
import io.fenghuo.unit.archive.Violation;
import java.util.List;

/** Path variables to identifiers, answering malformed ones the way the API answers bad input. */
final class Ids {

  private Ids() {}

  /** A malformed unit id names no unit: "not found", like an invisible one. */
  static UnitId unit(String value) {
    try {
      return UnitId.of(value);
    } catch (IllegalArgumentException e) {
      throw new ArchiveException.NotFound("unit " + value);
    }
  }

  static DeviceAddress device(String value) {
    try {
      return DeviceAddress.of(value);
    } catch (IllegalArgumentException e) {
      throw new ArchiveException.Invalid(
          List.of(new Violation(null, "address", "device-address", e.getMessage())));
    }
  }
}
