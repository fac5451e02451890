package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import java.util.Objects;

/**
 * Type 1 object: building fire facility system state with its time of occurrence (§8.2.1.1 fig. 6,
 * §8.3.1.1 fig. 18). 10 bytes.
 *
 * <pre>
 * +-------------+----------------+--------------------+------------+
 * | system type | system address | system state (LE)  | time label |
 * | 1           | 1              | 2                  | 6          |
 * +-------------+----------------+--------------------+------------+
 * </pre>
 *
 * @param systemType not null
 * @param systemAddress 0–255
 * @param state not null
 * @param time not null
 */
public record SystemStatus(
    SystemType systemType, int systemAddress, SystemState state, TimeLabel time)
    implements InformationObject {

  public SystemStatus {
    Objects.requireNonNull(systemType, "systemType");
    WireRanges.checkByte("system address", systemAddress);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(time, "time");
  }
}
