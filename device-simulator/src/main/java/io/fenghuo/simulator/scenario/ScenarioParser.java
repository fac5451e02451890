package io.fenghuo.simulator.scenario;

import io.fenghuo.gb26875.adu.AnalogType;
import io.fenghuo.gb26875.adu.FacilityOperationBit;
import io.fenghuo.gb26875.adu.FacilityOperationFlags;
import io.fenghuo.gb26875.adu.UitdOperationBit;
import io.fenghuo.gb26875.adu.UitdOperationFlags;
import io.fenghuo.gb26875.adu.UitdStateBit;
import io.fenghuo.simulator.device.AddressText;
import io.fenghuo.simulator.device.Condition;
import io.fenghuo.simulator.device.DeviceEvent;
import io.fenghuo.simulator.device.Point;
import io.fenghuo.simulator.device.PointSelector;
import io.fenghuo.simulator.device.SystemKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the scenario text format: one step per line, {@code #} starts a comment, keywords are
 * case-insensitive.
 *
 * <pre>
 * line     := when target location* event
 * when     := "at" DURATION | "every" DURATION ["from" DURATION]
 * target   := "all" | "device" (ADDRESS | "#"N | "#"N"-"M) | "devices" "#"N"-"M
 *             ["unit" LABEL]                  (unit: a free label for people, ignored)
 * location := "system" T[":"A] | "loop" L "point" P | "component" ADDR | "type" N
 *           | COMPONENT-TYPE-NAME (smoke-detector, heat-detector, manual-call-point, …)
 *           | "random-point"
 * event    := "fire" | "reset" ["operator" N] | "fault" | "recover" | "disable" | "enable"
 *           | "power-fault" ["main"|"backup"] | "power-restore" ["main"|"backup"]
 *           | "bus-fault" | "bus-restore" | "supervisory" | "supervisory-clear"
 *           | "start" | "stop" | "feedback" | "feedback-clear"
 *           | "analog" ANALOG-TYPE VALUE        (engineering units: "analog temperature 23.5")
 *           | "operation" FLAG[,FLAG…] ["operator" N]       (type 4: reset, silence, self-test …)
 *           | "uitd-operation" FLAG[,FLAG…] ["operator" N]  (type 24)
 *           | "uitd-power-fault" ["main"|"backup"] | "uitd-power-restore" ["main"|"backup"]
 *           | "uitd-fault" | "uitd-recover" | "status" | "disconnect"
 * </pre>
 *
 * <p>Without a location, an event applies to the device's first system; {@code loop L point P}
 * means component address {@code P << 16 | L} ({@link Point#loopPoint}).
 */
public final class ScenarioParser {

  private static final Pattern RANGE = Pattern.compile("#(\\d+)(?:-(\\d+))?");

  private ScenarioParser() {}

  /**
   * @throws IllegalArgumentException for the first bad line, with its number and the reason
   */
  public static Scenario parse(String text) {
    List<ScenarioStep> steps = new ArrayList<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      // '#' also introduces device indexes (#12), so a comment is a '#' at the start of a word
      // that is followed by a space or the end of the line.
      String content = stripComment(line);
      if (content.isBlank()) {
        continue;
      }
      try {
        steps.add(new Line(content.strip(), i + 1).parse());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "scenario line " + (i + 1) + ": " + e.getMessage() + " in '" + line.strip() + "'", e);
      }
    }
    return new Scenario(steps);
  }

  private static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#'
          && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))
          && (i + 1 == line.length() || !Character.isDigit(line.charAt(i + 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** The tokens of one line and a cursor over them. */
  private static final class Line {
    private final String[] tokens;
    private final int number;
    private int pos;

    Line(String content, int number) {
      this.tokens = content.toLowerCase(Locale.ROOT).split("\\s+");
      this.number = number;
    }

    ScenarioStep parse() {
      Duration at;
      Duration every = null;
      String when = next("'at' or 'every'");
      if (when.equals("at")) {
        at = Durations.parse(next("a time"));
      } else if (when.equals("every")) {
        every = Durations.parse(next("an interval"));
        at = every;
        if (peekIs("from")) {
          pos++;
          at = Durations.parse(next("a start time"));
        }
      } else {
        throw new IllegalArgumentException(
            "a step starts with 'at' or 'every', not '" + when + "'");
      }
      Target target = target();
      PointSelector where = location();
      DeviceEvent event = event(where);
      if (pos < tokens.length) {
        throw new IllegalArgumentException("unexpected '" + tokens[pos] + "' after the event");
      }
      return new ScenarioStep(at, every, target, event, number);
    }

    private Target target() {
      String t = next("'all', 'device' or 'devices'");
      Target target;
      switch (t) {
        case "all" -> target = new Target.All();
        case "device", "devices" -> {
          String id = next("a device address or #index");
          Matcher m = RANGE.matcher(id);
          if (m.matches()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            target = new Target.Indexes(from, to);
          } else {
            target = new Target.ByAddress(AddressText.parse(id));
          }
        }
        default ->
            throw new IllegalArgumentException(
                "expected 'all', 'device' or 'devices', not '" + t + "'");
      }
      if (peekIs("unit")) {
        pos++;
        next("a unit label");
      }
      return target;
    }

    private PointSelector location() {
      SystemKey system = null;
      Long component = null;
      Integer type = null;
      boolean random = false;
      while (pos < tokens.length) {
        String t = tokens[pos];
        if (t.equals("system")) {
          pos++;
          String[] s = next("T[:A]").split(":");
          system = new SystemKey(integer(s[0]), s.length > 1 ? integer(s[1]) : 0);
        } else if (t.equals("loop")) {
          pos++;
          int loop = integer(next("a loop number"));
          expect("point");
          component = Point.loopPoint(loop, integer(next("a point number")));
        } else if (t.equals("component")) {
          pos++;
          component = longValue(next("a component address"));
        } else if (t.equals("type")) {
          pos++;
          type = integer(next("a component type code"));
        } else if (Vocabulary.COMPONENT_TYPES.containsKey(t)) {
          pos++;
          type = Vocabulary.COMPONENT_TYPES.get(t);
        } else if (t.equals("random-point")) {
          pos++;
          random = true;
        } else {
          break;
        }
      }
      if (type != null && component == null && !random) {
        throw new IllegalArgumentException(
            "a component type needs 'loop L point P' or 'component'");
      }
      return new PointSelector(system, component, type, random);
    }

    private DeviceEvent event(PointSelector where) {
      String e = next("an event (fire, reset, fault, …)");
      return switch (e) {
        case "fire" -> change(where, Condition.FIRE, true);
        case "reset" -> new DeviceEvent.Reset(where, operator());
        case "fault" -> change(where, Condition.FAULT, true);
        case "recover" -> change(where, Condition.FAULT, false);
        case "disable" -> change(where, Condition.DISABLED, true);
        case "enable" -> change(where, Condition.DISABLED, false);
        case "power-fault" -> change(where, power(), true);
        case "power-restore" -> change(where, power(), false);
        case "bus-fault" -> change(where, Condition.BUS_FAULT, true);
        case "bus-restore" -> change(where, Condition.BUS_FAULT, false);
        case "supervisory" -> change(where, Condition.SUPERVISORY, true);
        case "supervisory-clear" -> change(where, Condition.SUPERVISORY, false);
        case "start" -> change(where, Condition.STARTED, true);
        case "stop" -> change(where, Condition.STARTED, false);
        case "feedback" -> change(where, Condition.FEEDBACK, true);
        case "feedback-clear" -> change(where, Condition.FEEDBACK, false);
        case "analog" -> analog(where);
        case "operation" -> {
          int bits = 0;
          for (String f : next("operation flags").split(",")) {
            bits |=
                enumValue(() -> Vocabulary.facilityOperation(f), f, FacilityOperationBit.values())
                    .mask();
          }
          yield new DeviceEvent.FacilityOperationDone(
              where, new FacilityOperationFlags(bits), operator());
        }
        case "uitd-operation" -> {
          int bits = 0;
          for (String f : next("operation flags").split(",")) {
            bits |=
                enumValue(() -> Vocabulary.uitdOperation(f), f, UitdOperationBit.values()).mask();
          }
          yield new DeviceEvent.UitdOperationDone(new UitdOperationFlags(bits), operator());
        }
        case "uitd-power-fault" -> new DeviceEvent.UitdChange(uitdPower(), true);
        case "uitd-power-restore" -> new DeviceEvent.UitdChange(uitdPower(), false);
        case "uitd-fault" -> new DeviceEvent.UitdChange(UitdStateBit.FAULT, true);
        case "uitd-recover" -> new DeviceEvent.UitdChange(UitdStateBit.FAULT, false);
        case "status" -> new DeviceEvent.Status();
        case "disconnect" -> new DeviceEvent.Disconnect();
        default -> throw new IllegalArgumentException("unknown event or location '" + e + "'");
      };
    }

    private static DeviceEvent change(PointSelector where, Condition c, boolean on) {
      return new DeviceEvent.Change(where, c, on);
    }

    private DeviceEvent analog(PointSelector where) {
      String name = next("an analog type");
      AnalogType type = Vocabulary.ANALOG_TYPES.get(name);
      if (type == null) {
        throw new IllegalArgumentException(
            "unknown analog type '" + name + "'; known: " + Vocabulary.ANALOG_TYPES.keySet());
      }
      BigDecimal value = new BigDecimal(next("a value"));
      int raw = value.divide(type.minimumUnit(), 0, RoundingMode.HALF_UP).intValueExact();
      if (raw < Short.MIN_VALUE || raw > Short.MAX_VALUE) {
        throw new IllegalArgumentException("analog value " + value + " does not fit int16");
      }
      return new DeviceEvent.Analog(where, type, raw);
    }

    private Condition power() {
      if (peekIs("backup")) {
        pos++;
        return Condition.BACKUP_POWER_FAULT;
      }
      if (peekIs("main")) {
        pos++;
      }
      return Condition.MAIN_POWER_FAULT;
    }

    private UitdStateBit uitdPower() {
      return power() == Condition.BACKUP_POWER_FAULT
          ? UitdStateBit.BACKUP_POWER_FAULT
          : UitdStateBit.MAIN_POWER_FAULT;
    }

    private int operator() {
      if (peekIs("operator")) {
        pos++;
        int op = integer(next("an operator number"));
        if (op < 0 || op > 255) {
          throw new IllegalArgumentException("operator is 0–255");
        }
        return op;
      }
      return 1;
    }

    private <E extends Enum<E>> E enumValue(
        java.util.function.Supplier<E> lookup, String name, E[] known) {
      try {
        return lookup.get();
      } catch (IllegalArgumentException e) {
        List<String> names = new ArrayList<>();
        for (E k : known) {
          names.add(Vocabulary.name(k));
        }
        throw new IllegalArgumentException("unknown flag '" + name + "'; known: " + names);
      }
    }

    private boolean peekIs(String word) {
      return pos < tokens.length && tokens[pos].equals(word);
    }

    private void expect(String word) {
      String t = next("'" + word + "'");
      if (!t.equals(word)) {
        throw new IllegalArgumentException("expected '" + word + "', not '" + t + "'");
      }
    }

    private String next(String what) {
      if (pos >= tokens.length) {
        throw new IllegalArgumentException("missing " + what);
      }
      return tokens[pos++];
    }

    private static int integer(String t) {
      long v = longValue(t);
      if (v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("number too large: " + t);
      }
      return (int) v;
    }

    private static long longValue(String t) {
      try {
        return t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a number: '" + t + "'");
      }
    }
  }
}
