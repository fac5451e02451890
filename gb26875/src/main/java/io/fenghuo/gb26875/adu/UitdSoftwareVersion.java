package io.fenghuo.gb26875.adu;

/**
 * Type 25 object: UITD software version (§8.2.1.10 fig. 15, §8.3.1.11 fig. 28). 2 bytes, no time
 * label.
 *
 * <pre>
 * +--------------+---------------+
 * | main version | minor version |
 * | 1            | 1             |
 * +--------------+---------------+
 * </pre>
 *
 * @param mainVersion 0–255
 * @param minorVersion 0–255
 */
public record UitdSoftwareVersion(int mainVersion, int minorVersion) implements InformationObject {

  public UitdSoftwareVersion {
    WireRanges.checkByte("main version", mainVersion);
    WireRanges.checkByte("minor version", minorVersion);
  }
}
