package io.fenghuo.gb26875.adu;

import java.util.Objects;

/**
 * Type 6 object: building fire facility system configuration (§8.2.1.6 fig. 11, §8.3.1.6 fig. 23;
 * the figure's reference to §8.2.1.4 is an erratum). 3 + L bytes, no time label.
 *
 * <pre>
 * +-------------+----------------+--------------+------------------------+
 * | system type | system address | length L     | description (GB 18030) |
 * | 1           | 1              | 1 (0–255)    | L                      |
 * +-------------+----------------+--------------+------------------------+
 * </pre>
 *
 * @param systemType not null
 * @param systemAddress 0–255
 * @param description not null; encoding fails beyond 255 bytes of GB 18030
 */
public record SystemConfiguration(SystemType systemType, int systemAddress, String description)
    implements InformationObject {

  public SystemConfiguration {
    Objects.requireNonNull(systemType, "systemType");
    WireRanges.checkByte("system address", systemAddress);
    Objects.requireNonNull(description, "description");
  }
}
