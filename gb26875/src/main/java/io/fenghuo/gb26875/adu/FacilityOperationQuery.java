package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import java.util.Objects;

/**
 * Object of read 64: facility operation records (fig. 34). 9 bytes.
 *
 * <pre>
 * +-------------+----------------+-------------------+----------------------+
 * | system type | system address | record count n    | start time (§8.2.2)  |
 * | 1           | 1              | 1 (n ≤ 102)       | 6                    |
 * +-------------+----------------+-------------------+----------------------+
 * </pre>
 *
 * @param systemType not null
 * @param systemAddress 0–255
 * @param recordCount 0–255 on the wire; the standard says ≤ 102
 * @param startTime not null
 */
public record FacilityOperationQuery(
    SystemType systemType, int systemAddress, int recordCount, TimeLabel startTime)
    implements InformationObject {

  public FacilityOperationQuery {
    Objects.requireNonNull(systemType, "systemType");
    WireRanges.checkByte("system address", systemAddress);
    WireRanges.checkByte("record count", recordCount);
    Objects.requireNonNull(startTime, "startTime");
  }
}
