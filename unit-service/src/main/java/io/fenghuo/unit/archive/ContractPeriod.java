package io.fenghuo.unit.archive;

import io.fenghuo.unit.archive.validation.OrderedPeriod;
import java.time.LocalDate;

/**
 * The period of a contract; either end may be open.
 *
 * @param from first day, or null
 * @param to last day, or null; not before {@code from}
 */
@OrderedPeriod
public record ContractPeriod(LocalDate from, LocalDate to) implements Period {}
