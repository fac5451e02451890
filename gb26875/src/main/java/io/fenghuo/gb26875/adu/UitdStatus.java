package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import java.util.Objects;

/**
 * Type 21 object: UITD running state with its time of occurrence (§8.2.1.8 fig. 13, §8.3.1.9 fig.
 * 26). 7 bytes; 1 byte on firmware that omits the time label (see {@link
 * io.fenghuo.gb26875.profile.UitdStatusTimeLabel}).
 *
 * <pre>
 * +------------------+------------+
 * | UITD state flags | time label |
 * | 1                | 6          |
 * +------------------+------------+
 * </pre>
 *
 * @param state not null
 * @param time the time label, or {@code null} if the device sent none
 */
public record UitdStatus(UitdState state, TimeLabel time) implements InformationObject {

  public UitdStatus {
    Objects.requireNonNull(state, "state");
  }
}
