package io.fenghuo.gb26875.adu;

/**
 * Object of control command 91, 查岗 duty check (fig. 46): how long the operator on duty has to
 * answer. 1 byte. The answer is a type-24 upload with {@link UitdOperationBit#DUTY_CHECK_REPLY}.
 *
 * @param timeoutMinutes 0–255 minutes
 */
public record DutyCheck(int timeoutMinutes) implements InformationObject {

  public DutyCheck {
    WireRanges.checkByte("timeout", timeoutMinutes);
  }
}
