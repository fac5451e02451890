package io.fenghuo.unit.archive;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import java.time.Instant;

/**
 * A networked unit (联网单位) as stored: its identity, the operator (tenant) whose monitoring centre
 * serves it, its basic data and the archive's version.
 *
 * @param id never null
 * @param operator the tenant; never null, never changes in this version of the service
 * @param profile never null
 * @param version increases with every change of the unit or any of its parts
 * @param updatedAt when the archive last changed
 */
public record Unit(
    UnitId id, OperatorId operator, UnitProfile profile, long version, Instant updatedAt) {}
