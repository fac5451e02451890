package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import java.util.Objects;

/**
 * Type 4 object: building fire facility operation record (§8.2.1.4 fig. 9, §8.3.1.4 fig. 21). 10
 * bytes.
 *
 * <pre>
 * +-------------+----------------+----------------+-----------------+------------+
 * | system type | system address | operation flag | operator number | time label |
 * | 1           | 1              | 1              | 1               | 6          |
 * +-------------+----------------+----------------+-----------------+------------+
 * </pre>
 *
 * @param systemType not null
 * @param systemAddress 0–255
 * @param operation not null; bit 5 is 确认 (acknowledge) here
 * @param operator 0–255, defined by the facility
 * @param time not null
 */
public record FacilityOperation(
    SystemType systemType,
    int systemAddress,
    FacilityOperationFlags operation,
    int operator,
    TimeLabel time)
    implements InformationObject {

  public FacilityOperation {
    Objects.requireNonNull(systemType, "systemType");
    WireRanges.checkByte("system address", systemAddress);
    Objects.requireNonNull(operation, "operation");
    WireRanges.checkByte("operator", operator);
    Objects.requireNonNull(time, "time");
  }
}
