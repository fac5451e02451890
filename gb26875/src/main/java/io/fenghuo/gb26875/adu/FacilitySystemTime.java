package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import java.util.Objects;

/**
 * Type 8 object: building fire facility system time (§8.3.1.8 fig. 25). 8 bytes; the time is the
 * payload, not a time label of the record.
 *
 * <pre>
 * +-------------+----------------+----------------------------+
 * | system type | system address | facility time (§8.2.2)     |
 * | 1           | 1              | 6                          |
 * +-------------+----------------+----------------------------+
 * </pre>
 *
 * @param systemType not null
 * @param systemAddress 0–255
 * @param time not null
 */
public record FacilitySystemTime(SystemType systemType, int systemAddress, TimeLabel time)
    implements InformationObject {

  public FacilitySystemTime {
    Objects.requireNonNull(systemType, "systemType");
    WireRanges.checkByte("system address", systemAddress);
    Objects.requireNonNull(time, "time");
  }
}
