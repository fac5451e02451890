package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.Hex;
import java.util.Arrays;

/**
 * An ADU whose type flag the standard does not define: reserved values, user-defined 128–254 (GB/T
 * 26875.3-2011 table 3, e.g. 依爱's 204/205) and 255. Kept as bytes so that a gateway can forward or
 * log it instead of dropping it (§5.3 allows extensions).
 *
 * <p>Immutable: the payload is copied in and out.
 */
public final class OpaqueData implements ApplicationData {

  private final int typeFlag;
  private final byte[] payload;

  /**
   * @param typeFlag 0–255, not a value {@link TypeFlag} defines
   * @param payload the bytes after the type flag (usually object count and objects); not null,
   *     copied
   * @throws IllegalArgumentException if {@code typeFlag} is out of range or is a defined type
   */
  public OpaqueData(int typeFlag, byte[] payload) {
    WireRanges.checkByte("type flag", typeFlag);
    if (TypeFlag.lookup(typeFlag) != null) {
      throw new IllegalArgumentException(
          "type " + typeFlag + " is defined by the standard; use TypedData");
    }
    this.typeFlag = typeFlag;
    this.payload = payload.clone();
  }

  @Override
  public int typeFlagValue() {
    return typeFlag;
  }

  /** True for 128–254, which table 3 leaves to users. */
  public boolean isUserDefined() {
    return typeFlag >= 128 && typeFlag <= 254;
  }

  /** The bytes after the type flag; a copy. */
  public byte[] payload() {
    return payload.clone();
  }

  /** The object-count byte if the payload has one, else -1. */
  public int objectCount() {
    return payload.length == 0 ? -1 : payload[0] & 0xFF;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpaqueData d && d.typeFlag == typeFlag && Arrays.equals(d.payload, payload);
  }

  @Override
  public int hashCode() {
    return 31 * typeFlag + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "OpaqueData[type=" + typeFlag + ", payload=" + Hex.format(payload) + "]";
  }
}
