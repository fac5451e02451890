package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import java.util.Objects;

/**
 * Type 24 object: UITD operation record (§8.2.1.9 fig. 14, §8.3.1.10 fig. 27). 8 bytes. A record
 * with {@link UitdOperationBit#DUTY_CHECK_REPLY} set answers a type-91 duty check.
 *
 * <pre>
 * +----------------+-----------------+------------+
 * | operation flag | operator number | time label |
 * | 1              | 1               | 6          |
 * +----------------+-----------------+------------+
 * </pre>
 *
 * @param operation not null; bit 5 is 查岗应答 here
 * @param operator 0–255, defined by the networked user
 * @param time not null
 */
public record UitdOperation(UitdOperationFlags operation, int operator, TimeLabel time)
    implements InformationObject {

  public UitdOperation {
    Objects.requireNonNull(operation, "operation");
    WireRanges.checkByte("operator", operator);
    Objects.requireNonNull(time, "time");
  }
}
