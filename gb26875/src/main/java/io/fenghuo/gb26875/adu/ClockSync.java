package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import java.util.Objects;

/**
 * Object of control command 90, synchronise UITD clock (fig. 45): the centre's time in the
 * time-label format. 6 bytes.
 *
 * @param time not null
 */
public record ClockSync(TimeLabel time) implements InformationObject {

  public ClockSync {
    Objects.requireNonNull(time, "time");
  }
}
