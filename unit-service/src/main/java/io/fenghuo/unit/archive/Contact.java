package io.fenghuo.unit.archive;

import io.fenghuo.unit.archive.validation.Phone;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Someone the monitoring centre calls about the unit; a unit's contacts are kept in calling order.
 *
 * @param name required
 * @param role e.g. 值班员, 保安队长; required
 * @param phone required
 */
public record Contact(
    @NotBlank @Size(max = 100) String name,
    @NotBlank @Size(max = 100) String role,
    @NotNull @Phone String phone) {}
