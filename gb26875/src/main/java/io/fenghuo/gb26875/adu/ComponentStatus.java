package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import java.util.Objects;

/**
 * Type 2 object: component running state with its time of occurrence (§8.2.1.2 fig. 7, §8.3.1.2
 * fig. 19). 46 bytes. This is the fire-alarm carrier.
 *
 * <pre>
 * +-------+-------+-----------+-------------------+-----------------+-------------------+-------+
 * | sys   | sys   | component | component address | component state | description       | time  |
 * | type  | addr  | type      | uint32 LE         | uint16 LE       | GB 18030, padded  | label |
 * | 1     | 1     | 1         | 4                 | 2               | 31                | 6     |
 * +-------+-------+-----------+-------------------+-----------------+-------------------+-------+
 * </pre>
 *
 * @param systemType not null
 * @param systemAddress 0–255
 * @param componentType not null
 * @param componentAddress not null
 * @param state not null
 * @param description decoded text with NUL/space padding removed; not null. Encoding fails if it
 *     needs more than 31 bytes in GB 18030.
 * @param time not null
 */
public record ComponentStatus(
    SystemType systemType,
    int systemAddress,
    ComponentType componentType,
    ComponentAddress componentAddress,
    ComponentState state,
    String description,
    TimeLabel time)
    implements InformationObject {

  public ComponentStatus {
    Objects.requireNonNull(systemType, "systemType");
    WireRanges.checkByte("system address", systemAddress);
    Objects.requireNonNull(componentType, "componentType");
    Objects.requireNonNull(componentAddress, "componentAddress");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(time, "time");
  }
}
