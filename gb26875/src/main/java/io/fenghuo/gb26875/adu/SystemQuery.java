package io.fenghuo.gb26875.adu;

import java.util.Objects;

/**
 * Object of the reads 61 (system state, fig. 31), 65 (software version, fig. 35), 66 (system
 * configuration, fig. 36) and 68 (system time, fig. 38): which system to read. 2 bytes.
 *
 * <pre>
 * +-------------+----------------+
 * | system type | system address |
 * | 1           | 1              |
 * +-------------+----------------+
 * </pre>
 *
 * @param systemType not null
 * @param systemAddress 0–255
 */
public record SystemQuery(SystemType systemType, int systemAddress) implements InformationObject {

  public SystemQuery {
    Objects.requireNonNull(systemType, "systemType");
    WireRanges.checkByte("system address", systemAddress);
  }
}
