package io.fenghuo.gb26875.adu;

import java.util.Objects;

/**
 * Object of the reads 62 (component state, fig. 32), 63 (analog value, fig. 33) and 67 (component
 * configuration, fig. 37). 6 bytes; unlike the uploads there is <em>no</em> component type byte.
 *
 * <pre>
 * +-------------+----------------+-----------------------------+
 * | system type | system address | component address uint32 LE |
 * | 1           | 1              | 4                           |
 * +-------------+----------------+-----------------------------+
 * </pre>
 *
 * @param systemType not null
 * @param systemAddress 0–255
 * @param componentAddress not null
 */
public record ComponentQuery(
    SystemType systemType, int systemAddress, ComponentAddress componentAddress)
    implements InformationObject {

  public ComponentQuery {
    Objects.requireNonNull(systemType, "systemType");
    WireRanges.checkByte("system address", systemAddress);
    Objects.requireNonNull(componentAddress, "componentAddress");
  }
}
