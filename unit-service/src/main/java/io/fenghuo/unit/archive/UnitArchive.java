package io.fenghuo.unit.archive;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The archive's application service: the one entry point of the web and CSV adapters. Every command
 * checks the caller's {@link Access} (role, then tenant: another tenant's unit is "not found"),
 * validates its input, changes the archive and records the change for the unit stream in one
 * transaction.
 *
 * <p>All methods throw {@link ArchiveException.Forbidden} if the role may not do this, {@link
 * ArchiveException.NotFound} if the unit or part is not visible, {@link ArchiveException.Invalid}
 * listing every broken input rule and {@link ArchiveException.Conflict} if the command contradicts
 * the stored archive. Arguments are never null unless documented.
 */
public final class UnitArchive {

  private final Units units;
  private final ArchiveChanges changes;
  private final Transactions transactions;
  private final InputRules rules;

  /**
   * @param units storage
   * @param changes where changes are recorded for publication
   * @param transactions the transaction boundary
   * @param rules input validation
   */
  public UnitArchive(
      Units units, ArchiveChanges changes, Transactions transactions, InputRules rules) {
    this.units = Objects.requireNonNull(units, "units");
    this.changes = Objects.requireNonNull(changes, "changes");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  // ---- units ----

  /** Registers a unit. The operator defaults to the caller's own. */
  public Unit register(Access access, NewUnit unit) {
    access.requireWrite();
    rules.require(unit);
    return transactions.inTransaction(() -> insert(access, unit));
  }

  /**
   * Registers many units at once (the CSV import): all of them, or, if any row is invalid, none.
   *
   * @param csvRows the CSV row of each unit
   * @param unreadable violations the adapter found reading the rows (a field it could not read is
   *     null in the unit and not reported again)
   * @throws ArchiveException.Invalid listing every broken rule of every row, with the row numbers
   *     given in {@code csvRows}
   */
  public List<Unit> registerAll(
      Access access, List<NewUnit> newUnits, List<Integer> csvRows, List<Violation> unreadable) {
    access.requireWrite();
    List<Violation> violations = new ArrayList<>(unreadable);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < newUnits.size(); i++) {
      int row = csvRows.get(i);
      NewUnit unit = newUnits.get(i);
      rules.check(unit).stream()
          .map(v -> v.atRow(row))
          .filter(v -> !alreadyReported(unreadable, v))
          .forEach(violations::add);
      if (unit.id() != null && !ids.add(unit.id())) {
        violations.add(new Violation(row, "id", "unique", "unit id appears twice in the file"));
      }
      if (access.operatorScope() != null
          && unit.operatorId() != null
          && !unit.operatorId().equals(access.operatorScope().value())) {
        // Another tenant's row refuses the whole file: it is not a typo but an authorization issue.
        throw new ArchiveException.Forbidden(
            "row " + row + ": may only register units for operator " + access.operatorScope());
      }
      if (access.operatorScope() == null && unit.operatorId() == null) {
        violations.add(
            new Violation(
                row, "operatorId", "not-null", "must name the operator serving the unit"));
      }
    }
    if (!violations.isEmpty()) {
      throw new ArchiveException.Invalid(sorted(violations));
    }
    return transactions.inTransaction(
        () -> {
          List<Unit> created = new ArrayList<>();
          List<Violation> conflicts = new ArrayList<>();
          for (int i = 0; i < newUnits.size(); i++) {
            NewUnit unit = newUnits.get(i);
            if (unit.id() != null && units.exists(UnitId.of(unit.id()))) {
              conflicts.add(
                  new Violation(csvRows.get(i), "id", "unique", "unit id is already registered"));
              continue;
            }
            created.add(insert(access, unit));
          }
          if (!conflicts.isEmpty()) {
            // Throwing rolls back the units inserted before: all or nothing.
            throw new ArchiveException.Invalid(conflicts);
          }
          return created;
        });
  }

  private Unit insert(Access access, NewUnit unit) {
    OperatorId operator = resolveOperator(access, unit);
    UnitId id = unit.id() != null ? UnitId.of(unit.id()) : newUnitId(unit.profile());
    if (units.exists(id)) {
      throw new ArchiveException.Conflict("id", "unique", "unit id " + id + " is already taken");
    }
    Unit created = units.insert(id, operator, unit.profile());
    changes.changed(operator, id);
    return created;
  }

  private static OperatorId resolveOperator(Access access, NewUnit unit) {
    OperatorId requested = unit.operatorId() == null ? null : OperatorId.of(unit.operatorId());
    if (access.operatorScope() != null) {
      if (requested != null && !requested.equals(access.operatorScope())) {
        throw new ArchiveException.Forbidden(
            "may only register units for operator " + access.operatorScope());
      }
      return access.operatorScope();
    }
    if (requested == null) {
      throw new ArchiveException.Invalid(
          List.of(
              new Violation(
                  null, "operatorId", "not-null", "must name the operator serving the unit")));
    }
    return requested;
  }

  private static UnitId newUnitId(UnitProfile profile) {
    return UnitId.of(
        "U-"
            + profile.districtCode()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
  }

  /** One unit. */
  public Unit unit(Access access, UnitId id) {
    access.requireRead();
    return visible(access, id);
  }

  /** The units the caller sees. */
  public Page<Unit> list(Access access, UnitQuery query) {
    access.requireRead();
    return units.list(access, query);
  }

  /** Replaces a unit's basic data. */
  public Unit updateProfile(Access access, UnitId id, UnitProfile profile) {
    access.requireWrite();
    rules.require(profile);
    return change(
        access,
        id,
        unit -> {
          units.updateProfile(id, profile);
          return null;
        },
        () -> visible(access, id));
  }

  /** Removes a unit and everything it has; the unit stream gets a tombstone. */
  public void remove(Access access, UnitId id) {
    access.requireWrite();
    transactions.inTransaction(
        () -> {
          Unit unit = visible(access, id);
          units.delete(id);
          changes.changed(unit.operator(), id);
          return null;
        });
  }

  /** Everything about a unit, for publication; not scoped (the publisher serves every tenant). */
  public Optional<ArchiveSnapshot> snapshot(UnitId id) {
    return transactions.inTransaction(
        () ->
            units
                .find(Access.admin(), id)
                .map(
                    unit ->
                        new ArchiveSnapshot(
                            unit,
                            units.buildings(id),
                            units.devices(id),
                            units.systems(id),
                            units.allPoints(id))));
  }

  // ---- buildings ----

  /** The unit's buildings. */
  public List<Building> buildings(Access access, UnitId unit) {
    access.requireRead();
    return transactions.inTransaction(
        () -> {
          visible(access, unit);
          return units.buildings(unit);
        });
  }

  /** Adds a building (id assigned) or replaces one ({@code buildingId} given). */
  public Building saveBuilding(Access access, UnitId unit, String buildingId, Building building) {
    access.requireWrite();
    rules.require(building);
    return change(
        access,
        unit,
        u -> {
          List<Building> existing = units.buildings(unit);
          if (buildingId != null && existing.stream().noneMatch(b -> b.id().equals(buildingId))) {
            throw new ArchiveException.NotFound("building " + buildingId);
          }
          if (existing.stream()
              .anyMatch(b -> b.name().equals(building.name()) && !b.id().equals(buildingId))) {
            throw new ArchiveException.Conflict(
                "name", "unique", "the unit already has a building named " + building.name());
          }
          Building saved =
              building.withId(buildingId != null ? buildingId : UUID.randomUUID().toString());
          units.saveBuilding(unit, saved);
          return saved;
        },
        null);
  }

  /** Removes a building. */
  public void removeBuilding(Access access, UnitId unit, String buildingId) {
    access.requireWrite();
    change(
        access,
        unit,
        u -> {
          if (!units.deleteBuilding(unit, buildingId)) {
            throw new ArchiveException.NotFound("building " + buildingId);
          }
          return null;
        },
        null);
  }

  // ---- key parts ----

  /** The unit's key parts. */
  public List<KeyPart> keyParts(Access access, UnitId unit) {
    access.requireRead();
    return transactions.inTransaction(
        () -> {
          visible(access, unit);
          return units.keyParts(unit);
        });
  }

  /** Adds a key part (id assigned) or replaces one ({@code keyPartId} given). */
  public KeyPart saveKeyPart(Access access, UnitId unit, String keyPartId, KeyPart keyPart) {
    access.requireWrite();
    rules.require(keyPart);
    return change(
        access,
        unit,
        u -> {
          if (keyPartId != null
              && units.keyParts(unit).stream().noneMatch(k -> k.id().equals(keyPartId))) {
            throw new ArchiveException.NotFound("key part " + keyPartId);
          }
          requireBuilding(unit, keyPart.buildingId(), "buildingId");
          KeyPart saved =
              keyPart.withId(keyPartId != null ? keyPartId : UUID.randomUUID().toString());
          units.saveKeyPart(unit, saved);
          return saved;
        },
        null);
  }

  /** Removes a key part. */
  public void removeKeyPart(Access access, UnitId unit, String keyPartId) {
    access.requireWrite();
    change(
        access,
        unit,
        u -> {
          if (!units.deleteKeyPart(unit, keyPartId)) {
            throw new ArchiveException.NotFound("key part " + keyPartId);
          }
          return null;
        },
        null);
  }

  // ---- devices ----

  /** The unit's UITDs. */
  public List<Uitd> devices(Access access, UnitId unit) {
    access.requireRead();
    return transactions.inTransaction(
        () -> {
          visible(access, unit);
          return units.devices(unit);
        });
  }

  /**
   * Binds a UITD to the unit, or updates its data.
   *
   * @throws ArchiveException.Conflict if the device is bound to another unit (of any operator)
   */
  public Uitd bindDevice(Access access, UnitId unit, DeviceAddress address, Uitd device) {
    access.requireWrite();
    Uitd bound = device.withAddress(address);
    rules.require(bound);
    return change(
        access,
        unit,
        u -> {
          Optional<UnitId> owner = units.unitOfDevice(address);
          if (owner.isPresent() && !owner.get().equals(unit)) {
            // Deliberately does not say which unit: it may be another tenant's.
            throw new ArchiveException.Conflict(
                "address", "unbound-device", "device " + address + " is bound to another unit");
          }
          units.saveDevice(unit, bound);
          return bound;
        },
        null);
  }

  /**
   * Unbinds a UITD.
   *
   * @throws ArchiveException.Conflict if facility systems still report through it
   */
  public void unbindDevice(Access access, UnitId unit, DeviceAddress address) {
    access.requireWrite();
    change(
        access,
        unit,
        u -> {
          if (units.systems(unit).stream().anyMatch(s -> s.device().equals(address))) {
            throw new ArchiveException.Conflict(
                "address",
                "no-systems",
                "facility systems report through device " + address + "; remove them first");
          }
          if (!units.deleteDevice(unit, address)) {
            throw new ArchiveException.NotFound("device " + address);
          }
          return null;
        },
        null);
  }

  // ---- facility systems and points ----

  /** The unit's facility systems. */
  public List<FacilitySystem> systems(Access access, UnitId unit) {
    access.requireRead();
    return transactions.inTransaction(
        () -> {
          visible(access, unit);
          return units.systems(unit);
        });
  }

  /**
   * Adds a facility system (id assigned) or replaces one ({@code systemId} given).
   *
   * @throws ArchiveException.Conflict if the device is not the unit's or another system of the
   *     device has the same type and address
   */
  public FacilitySystem saveSystem(
      Access access, UnitId unit, String systemId, FacilitySystem system) {
    access.requireWrite();
    rules.require(system);
    return change(
        access,
        unit,
        u -> {
          List<FacilitySystem> existing = units.systems(unit);
          if (systemId != null && existing.stream().noneMatch(s -> s.id().equals(systemId))) {
            throw new ArchiveException.NotFound("facility system " + systemId);
          }
          if (units.devices(unit).stream().noneMatch(d -> d.address().equals(system.device()))) {
            throw new ArchiveException.Conflict(
                "device",
                "unit-device",
                "device " + system.device() + " is not bound to this unit");
          }
          if (existing.stream()
              .anyMatch(
                  s ->
                      !s.id().equals(systemId)
                          && s.device().equals(system.device())
                          && s.systemType().equals(system.systemType())
                          && s.systemAddress().equals(system.systemAddress()))) {
            throw new ArchiveException.Conflict(
                "systemAddress",
                "unique",
                "the device already has a system of type "
                    + system.systemType()
                    + " at address "
                    + system.systemAddress());
          }
          FacilitySystem saved =
              system.withId(systemId != null ? systemId : UUID.randomUUID().toString());
          units.saveSystem(unit, saved);
          return saved;
        },
        null);
  }

  /** Removes a facility system with its points. */
  public void removeSystem(Access access, UnitId unit, String systemId) {
    access.requireWrite();
    change(
        access,
        unit,
        u -> {
          if (!units.deleteSystem(unit, systemId)) {
            throw new ArchiveException.NotFound("facility system " + systemId);
          }
          return null;
        },
        null);
  }

  /** The point list of one facility system. */
  public List<Point> points(Access access, UnitId unit, String systemId) {
    access.requireRead();
    return transactions.inTransaction(
        () -> {
          visible(access, unit);
          requireSystem(unit, systemId);
          return units.points(systemId);
        });
  }

  /**
   * Replaces the whole point list of a facility system (onboarding a panel): all points or, if any
   * is invalid, none. A point's building must be the unit's and its floor must exist there.
   *
   * @param csvRows the CSV row of each point, or null for a JSON request (then violations are
   *     located as {@code [index].field})
   * @param unreadable violations the CSV adapter found reading the rows; empty for JSON
   */
  public List<Point> replacePoints(
      Access access,
      UnitId unit,
      String systemId,
      List<Point> points,
      List<Integer> csvRows,
      List<Violation> unreadable) {
    access.requireWrite();
    List<Violation> violations = new ArrayList<>(unreadable);
    for (int i = 0; i < points.size(); i++) {
      int index = i;
      rules.check(points.get(i)).stream()
          .map(v -> locate(v, index, csvRows))
          .filter(v -> !alreadyReported(unreadable, v))
          .forEach(violations::add);
    }
    return change(
        access,
        unit,
        u -> {
          requireSystem(unit, systemId);
          Map<String, Building> buildings = new HashMap<>();
          units.buildings(unit).forEach(b -> buildings.put(b.id(), b));
          Set<Long> addresses = new HashSet<>();
          for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (!addresses.add(p.componentAddress())) {
              violations.add(
                  locate(
                      new Violation(
                          null,
                          "componentAddress",
                          "unique",
                          "component address " + p.componentAddress() + " appears twice"),
                      i,
                      csvRows));
            }
            if (p.buildingId() != null) {
              Building b = buildings.get(p.buildingId());
              if (b == null) {
                violations.add(
                    locate(
                        new Violation(
                            null, "buildingId", "unit-building", "not a building of this unit"),
                        i,
                        csvRows));
              } else if (p.floor() != null && !b.hasFloor(p.floor())) {
                violations.add(
                    locate(
                        new Violation(
                            null,
                            "floor",
                            "building-floor",
                            "floor "
                                + p.floor()
                                + " does not exist in "
                                + b.name()
                                + " (-"
                                + b.floorsBelow()
                                + " to "
                                + b.floorsAbove()
                                + ", no 0)"),
                        i,
                        csvRows));
              }
            } else if (p.floor() != null && p.floor() == 0) {
              violations.add(
                  locate(
                      new Violation(
                          null, "floor", "not-zero", "floors are numbered 1, 2, … and -1, -2, …"),
                      i,
                      csvRows));
            }
          }
          if (!violations.isEmpty()) {
            throw new ArchiveException.Invalid(sorted(violations));
          }
          units.replacePoints(systemId, points);
          return units.points(systemId);
        },
        null);
  }

  private static Violation locate(Violation v, int index, List<Integer> csvRows) {
    return csvRows == null ? v.under("[" + index + "]") : v.atRow(csvRows.get(index));
  }

  // ---- helpers ----

  private static boolean alreadyReported(List<Violation> earlier, Violation v) {
    return earlier.stream()
        .anyMatch(e -> Objects.equals(e.row(), v.row()) && e.field().equals(v.field()));
  }

  private static List<Violation> sorted(List<Violation> violations) {
    return violations.stream()
        .sorted(
            java.util.Comparator.comparing((Violation v) -> v.row() == null ? 0 : v.row())
                .thenComparing(Violation::field))
        .toList();
  }

  private Unit visible(Access access, UnitId id) {
    return units.find(access, id).orElseThrow(() -> new ArchiveException.NotFound("unit " + id));
  }

  private void requireSystem(UnitId unit, String systemId) {
    if (units.systems(unit).stream().noneMatch(s -> s.id().equals(systemId))) {
      throw new ArchiveException.NotFound("facility system " + systemId);
    }
  }

  private void requireBuilding(UnitId unit, String buildingId, String field) {
    if (buildingId != null
        && units.buildings(unit).stream().noneMatch(b -> b.id().equals(buildingId))) {
      throw new ArchiveException.Conflict(field, "unit-building", "not a building of this unit");
    }
  }

  /**
   * Runs a change of a visible unit in one transaction: the work, the version increment and the
   * record for the unit stream commit together.
   */
  private <T> T change(
      Access access, UnitId id, java.util.function.Function<Unit, T> work, Supplier<T> result) {
    return transactions.inTransaction(
        () -> {
          Unit unit = visible(access, id);
          T value = work.apply(unit);
          units.touch(id);
          changes.changed(unit.operator(), id);
          return result != null ? result.get() : value;
        });
  }
}
