package io.fenghuo.gb26875.adu;

import java.util.Objects;

/**
 * Type 26 object: UITD configuration (§8.2.1.11 fig. 16, §8.3.1.12 fig. 29). 1 + L bytes, no time
 * label.
 *
 * <pre>
 * +-----------+------------------------+
 * | length L  | description (GB 18030) |
 * | 1 (0–255) | L                      |
 * +-----------+------------------------+
 * </pre>
 *
 * @param description not null; encoding fails beyond 255 bytes of GB 18030
 */
public record UitdConfiguration(String description) implements InformationObject {

  public UitdConfiguration {
    Objects.requireNonNull(description, "description");
  }
}
