package io.fenghuo.unit.archive;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A unit to register.
 *
 * @param id the unit id to use (e.g. from a centre's former system), or null to have one assigned
 * @param operatorId the operator that serves the unit; null means the caller's own operator (an
 *     administrator must name one)
 * @param profile the basic data; required
 */
public record NewUnit(
    @Pattern(
            regexp = "[A-Za-z0-9_-]{1,64}",
            message = "must be 1-64 characters of A-Z, a-z, 0-9, _ and -")
        String id,
    @Pattern(
            regexp = "[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])",
            message = "must be 2-32 characters of a-z, 0-9 and -, not starting or ending with -")
        String operatorId,
    @NotNull @Valid UnitProfile profile) {}
