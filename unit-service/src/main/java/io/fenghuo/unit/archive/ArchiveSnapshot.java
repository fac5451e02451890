package io.fenghuo.unit.archive;

import java.util.List;

/**
 * Everything the archive knows about one unit, for publication on the unit stream.
 *
 * @param unit the unit
 * @param buildings its buildings
 * @param devices its UITDs
 * @param systems its facility systems
 * @param points the points of all its systems
 */
public record ArchiveSnapshot(
    Unit unit,
    List<Building> buildings,
    List<Uitd> devices,
    List<FacilitySystem> systems,
    List<Units.SystemPoint> points) {}
