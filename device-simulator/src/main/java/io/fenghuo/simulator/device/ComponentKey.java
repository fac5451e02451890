package io.fenghuo.simulator.device;

/**
 * A component within a UITD: its system and its 32-bit address.
 *
 * @param system not null
 * @param address 0 – 2^32−1
 */
public record ComponentKey(SystemKey system, long address) {

  /** The key of a component point. */
  public static ComponentKey of(Point p) {
    return new ComponentKey(p.system(), p.componentAddress().value());
  }
}
