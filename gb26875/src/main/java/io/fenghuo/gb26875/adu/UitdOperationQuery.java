package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.TimeLabel;
import java.util.Objects;

/**
 * Object of read 84: UITD operation records (fig. 40). 7 bytes.
 *
 * <pre>
 * +-------------------+----------------------+
 * | record count n    | start time (§8.2.2)  |
 * | 1 (n ≤ 102)       | 6                    |
 * +-------------------+----------------------+
 * </pre>
 *
 * @param recordCount 0–255 on the wire; the standard says ≤ 102
 * @param startTime not null
 */
public record UitdOperationQuery(int recordCount, TimeLabel startTime)
    implements InformationObject {

  public UitdOperationQuery {
    WireRanges.checkByte("record count", recordCount);
    Objects.requireNonNull(startTime, "startTime");
  }
}
