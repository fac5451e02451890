package io.fenghuo.simulator.scenario;

import io.fenghuo.gb26875.adu.AnalogType;
import io.fenghuo.gb26875.adu.ComponentType;
import java.util.random.RandomGenerator;

/**
 * Which analog quantity (table 6) a component type plausibly measures, and around which value, so
 * background samples look like a building rather than noise. Types not listed measure nothing.
 */
final class AnalogModel {

  private AnalogModel() {}

  /** A sample for a component of this type, or null if it has no analog value. */
  static Sample sample(ComponentType type, RandomGenerator rnd) {
    int code = type.code();
    if (code == 92) { // 消防水箱: water level around 2.50 m (0.01 m units)
      return new Sample(AnalogType.HEIGHT, 250 + rnd.nextInt(-20, 21));
    }
    if (code == 99 || code == 91 || code == 95) { // pressure switch / pumps: ~350 kPa
      return new Sample(AnalogType.PRESSURE_KPA, 3500 + rnd.nextInt(-200, 201));
    }
    if (code >= 30 && code <= 37 || code == 18) { // heat detectors, temperature monitors: ~25 ℃
      return new Sample(AnalogType.TEMPERATURE, 250 + rnd.nextInt(-30, 31));
    }
    if (code >= 10 && code <= 13) { // combustible gas: a few %LEL
      return new Sample(AnalogType.GAS_CONCENTRATION, rnd.nextInt(0, 51));
    }
    if (code == 17) { // residual current: tens of mA, reported in 0.1 A → mostly 0–1
      return new Sample(AnalogType.CURRENT, rnd.nextInt(0, 3));
    }
    return null;
  }

  record Sample(AnalogType type, int raw) {}
}
