package io.fenghuo.gb26875.adu;

import java.util.Objects;

/**
 * Type 7 object: component configuration (§8.2.1.7 fig. 12, §8.3.1.7 fig. 24). 38 bytes, no time
 * label.
 *
 * <pre>
 * +------+------+-----------+-------------------+------------------------------+
 * | sys  | sys  | component | component address | description                  |
 * | type | addr | type      | uint32 LE         | GB 18030, NUL/space padded   |
 * | 1    | 1    | 1         | 4                 | 31                           |
 * +------+------+-----------+-------------------+------------------------------+
 * </pre>
 *
 * @param systemType not null
 * @param systemAddress 0–255
 * @param componentType not null
 * @param componentAddress not null
 * @param description not null; encoding fails beyond 31 bytes of GB 18030
 */
public record ComponentConfiguration(
    SystemType systemType,
    int systemAddress,
    ComponentType componentType,
    ComponentAddress componentAddress,
    String description)
    implements InformationObject {

  public ComponentConfiguration {
    Objects.requireNonNull(systemType, "systemType");
    WireRanges.checkByte("system address", systemAddress);
    Objects.requireNonNull(componentType, "componentType");
    Objects.requireNonNull(componentAddress, "componentAddress");
    Objects.requireNonNull(description, "description");
  }
}
