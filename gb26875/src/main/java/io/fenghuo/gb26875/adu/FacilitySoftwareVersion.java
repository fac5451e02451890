package io.fenghuo.gb26875.adu;

import java.util.Objects;

/**
 * Type 5 object: building fire facility software version (§8.2.1.5 fig. 10, §8.3.1.5 fig. 22). 4
 * bytes, no time label.
 *
 * <pre>
 * +-------------+----------------+---------------+---------------+
 * | system type | system address | main version  | minor version |
 * | 1           | 1              | 1             | 1             |
 * +-------------+----------------+---------------+---------------+
 * </pre>
 *
 * @param systemType not null
 * @param systemAddress 0–255
 * @param mainVersion 0–255
 * @param minorVersion 0–255
 */
public record FacilitySoftwareVersion(
    SystemType systemType, int systemAddress, int mainVersion, int minorVersion)
    implements InformationObject {

  public FacilitySoftwareVersion {
    Objects.requireNonNull(systemType, "systemType");
    WireRanges.checkByte("system address", systemAddress);
    WireRanges.checkByte("main version", mainVersion);
    WireRanges.checkByte("minor version", minorVersion);
  }
}
