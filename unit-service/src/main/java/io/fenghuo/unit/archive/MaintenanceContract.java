package io.fenghuo.unit.archive;

import io.fenghuo.unit.archive.validation.OrderedPeriod;
import io.fenghuo.unit.archive.validation.Phone;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The unit's contract with a maintenance company (维保单位, 公安部令第61号 art. 27), which receives the
 * unit's fault work orders.
 *
 * @param company required
 * @param phone or null
 * @param from first day, or null
 * @param to last day, or null
 */
@OrderedPeriod
public record MaintenanceContract(
    @NotBlank @Size(max = 200) String company, @Phone String phone, LocalDate from, LocalDate to)
    implements Period {}
