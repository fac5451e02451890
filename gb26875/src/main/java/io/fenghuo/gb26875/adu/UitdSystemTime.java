package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import java.util.Objects;

/**
 * Type 28 object: UITD system time (§8.3.1.13 fig. 30). 6 bytes in the time-label format.
 *
 * @param time not null
 */
public record UitdSystemTime(TimeLabel time) implements InformationObject {

  public UitdSystemTime {
    Objects.requireNonNull(time, "time");
  }
}
