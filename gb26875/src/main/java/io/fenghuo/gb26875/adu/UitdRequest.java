package io.fenghuo.gb26875.adu;

/**
 * Object of the UITD reads 81, 85, 86, 88 (figs. 39, 41–43) and of the initialise command 89 (fig.
 * 44): a single reserved byte, 0 by the standard.
 *
 * @param reserved 0–255; the standard says 0
 */
public record UitdRequest(int reserved) implements InformationObject {

  /** The object the standard prescribes (reserved byte 0). */
  public static final UitdRequest STANDARD = new UitdRequest(0);

  public UitdRequest {
    WireRanges.checkByte("reserved", reserved);
  }
}
