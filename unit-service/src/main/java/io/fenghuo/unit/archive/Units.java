package io.fenghuo.unit.archive;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.util.List;
import java.util.Optional;

/**
 * The archive's storage (port). Queries that take an {@link Access} return only what it sees; the
 * rest work on ids the application service has already checked.
 */
public interface Units {

  /** Whether a unit with this id exists, visible or not. */
  boolean exists(UnitId id);

  /** Stores a new unit at version 1. */
  Unit insert(UnitId id, OperatorId operator, UnitProfile profile);

  /** The unit, if the access sees it. */
  Optional<Unit> find(Access access, UnitId id);

  /** A page of the units the access sees, ordered by id. */
  Page<Unit> list(Access access, UnitQuery query);

  /** Replaces the basic data. */
  void updateProfile(UnitId id, UnitProfile profile);

  /** Deletes the unit and all its parts. */
  void delete(UnitId id);

  /** Increments the archive's version after any change of the unit or its parts. */
  void touch(UnitId id);

  /** Buildings of a unit, by name. */
  List<Building> buildings(UnitId unit);

  /** Inserts or replaces a building (by id). */
  void saveBuilding(UnitId unit, Building building);

  /** Deletes a building; points and key parts keep their location text and lose the reference. */
  boolean deleteBuilding(UnitId unit, String buildingId);

  /** Key parts of a unit. */
  List<KeyPart> keyParts(UnitId unit);

  /** Inserts or replaces a key part (by id). */
  void saveKeyPart(UnitId unit, KeyPart keyPart);

  /** Deletes a key part. */
  boolean deleteKeyPart(UnitId unit, String keyPartId);

  /** UITDs of a unit. */
  List<Uitd> devices(UnitId unit);

  /** The unit a device is bound to, whoever's it is. */
  Optional<UnitId> unitOfDevice(DeviceAddress device);

  /** Inserts or replaces a device binding. */
  void saveDevice(UnitId unit, Uitd device);

  /** Removes a device binding. */
  boolean deleteDevice(UnitId unit, DeviceAddress device);

  /** Facility systems of a unit. */
  List<FacilitySystem> systems(UnitId unit);

  /** Inserts or replaces a facility system (by id). */
  void saveSystem(UnitId unit, FacilitySystem system);

  /** Deletes a facility system and its points. */
  boolean deleteSystem(UnitId unit, String systemId);

  /** Points of one system, by component address. */
  List<Point> points(String systemId);

  /** Points of every system of a unit, by system id. */
  List<SystemPoint> allPoints(UnitId unit);

  /** Replaces the whole point list of one system. */
  void replacePoints(String systemId, List<Point> points);

  /**
   * A point with the system it belongs to.
   *
   * @param systemId the system
   * @param point the point
   */
  record SystemPoint(String systemId, Point point) {}
}
