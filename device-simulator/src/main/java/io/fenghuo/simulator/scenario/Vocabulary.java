package io.fenghuo.simulator.scenario;

import io.fenghuo.gb26875.adu.AnalogType;
import io.fenghuo.gb26875.adu.FacilityOperationBit;
import io.fenghuo.gb26875.adu.UitdOperationBit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names scenario files use for the standard's codes: component types (table 5), analog types (table
 * 6) and operation flags (figs. 9 and 14).
 */
public final class Vocabulary {

  /** Component type names → table-5 codes. */
  public static final Map<String, Integer> COMPONENT_TYPES = new LinkedHashMap<>();

  /** Analog type names → table-6 codes. */
  public static final Map<String, AnalogType> ANALOG_TYPES = new LinkedHashMap<>();

  static {
    COMPONENT_TYPES.put("controller", 1);
    COMPONENT_TYPES.put("gas-detector", 10);
    COMPONENT_TYPES.put("electrical-fire-detector", 16);
    COMPONENT_TYPES.put("detection-loop", 21);
    COMPONENT_TYPES.put("fire-display-panel", 22);
    COMPONENT_TYPES.put("manual-call-point", 23);
    COMPONENT_TYPES.put("hydrant-button", 24);
    COMPONENT_TYPES.put("fire-detector", 25);
    COMPONENT_TYPES.put("heat-detector", 30);
    COMPONENT_TYPES.put("point-heat-detector", 31);
    COMPONENT_TYPES.put("smoke-detector", 40);
    COMPONENT_TYPES.put("ion-smoke-detector", 41);
    COMPONENT_TYPES.put("photoelectric-smoke-detector", 42);
    COMPONENT_TYPES.put("beam-smoke-detector", 43);
    COMPONENT_TYPES.put("aspirating-smoke-detector", 44);
    COMPONENT_TYPES.put("multi-sensor-detector", 50);
    COMPONENT_TYPES.put("uv-flame-detector", 61);
    COMPONENT_TYPES.put("ir-flame-detector", 62);
    COMPONENT_TYPES.put("module", 84);
    COMPONENT_TYPES.put("input-module", 85);
    COMPONENT_TYPES.put("output-module", 86);
    COMPONENT_TYPES.put("fire-pump", 91);
    COMPONENT_TYPES.put("water-tank", 92);
    COMPONENT_TYPES.put("sprinkler-pump", 95);
    COMPONENT_TYPES.put("flow-indicator", 96);
    COMPONENT_TYPES.put("signal-valve", 97);
    COMPONENT_TYPES.put("alarm-valve", 98);
    COMPONENT_TYPES.put("pressure-switch", 99);
    COMPONENT_TYPES.put("fire-door", 102);
    COMPONENT_TYPES.put("fire-damper", 103);
    COMPONENT_TYPES.put("smoke-exhaust-fan", 111);
    COMPONENT_TYPES.put("fire-shutter-controller", 117);
    COMPONENT_TYPES.put("sounder", 121);

    ANALOG_TYPES.put("event-count", AnalogType.EVENT_COUNT);
    ANALOG_TYPES.put("height", AnalogType.HEIGHT);
    ANALOG_TYPES.put("level", AnalogType.HEIGHT);
    ANALOG_TYPES.put("temperature", AnalogType.TEMPERATURE);
    ANALOG_TYPES.put("pressure-mpa", AnalogType.PRESSURE_MPA);
    ANALOG_TYPES.put("pressure-kpa", AnalogType.PRESSURE_KPA);
    ANALOG_TYPES.put("gas", AnalogType.GAS_CONCENTRATION);
    ANALOG_TYPES.put("time", AnalogType.TIME);
    ANALOG_TYPES.put("voltage", AnalogType.VOLTAGE);
    ANALOG_TYPES.put("current", AnalogType.CURRENT);
    ANALOG_TYPES.put("flow", AnalogType.FLOW);
    ANALOG_TYPES.put("air-volume", AnalogType.AIR_VOLUME);
    ANALOG_TYPES.put("air-speed", AnalogType.AIR_SPEED);
  }

  private Vocabulary() {}

  /** A facility operation bit (fig. 9) by its enum name in lower case with dashes. */
  public static FacilityOperationBit facilityOperation(String name) {
    return FacilityOperationBit.valueOf(constant(name));
  }

  /** A UITD operation bit (fig. 14) by its enum name in lower case with dashes. */
  public static UitdOperationBit uitdOperation(String name) {
    return UitdOperationBit.valueOf(constant(name));
  }

  /** {@code "self-test"} → {@code "SELF_TEST"}. */
  static String constant(String name) {
    return name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** {@code "SELF_TEST"} → {@code "self-test"}. */
  static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
