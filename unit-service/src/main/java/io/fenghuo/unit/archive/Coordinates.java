package io.fenghuo.unit.archive;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * WGS 84 coordinates of the unit, for the map in alarm handling.
 *
 * @param latitude degrees −90 … 90
 * @param longitude degrees −180 … 180
 */
public record Coordinates(
    @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
    @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {}
