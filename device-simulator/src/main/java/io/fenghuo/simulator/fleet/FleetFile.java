package io.fenghuo.simulator.fleet;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.simulator.device.AddressText;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.device.Point;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a fleet file: CSV, one point per line, so the demo fleet can match the unit archive's seed
 * data row for row.
 *
 * <pre>
 * # device_address,system_type,system_address,component_type,component_address,description
 * 0140609623b2,1,1,42,0x00070001,3F 东走廊 感烟
 * 0140609623b2,1,1,23,1/12,3F 楼梯间 手报
 * 0140609623b2,11,1,,,消火栓系统
 * </pre>
 *
 * <ul>
 *   <li>device address: 12 hex digits, the contracts' {@code DeviceAddress} text form (the wire
 *       bytes read low byte first, written most significant first);
 *   <li>system type (table 4) and address: 0–255;
 *   <li>component type (table 5) and address: both empty for a system-level line; the address as
 *       decimal, {@code 0x} hex, or {@code loop/point} (packed as point &lt;&lt; 16 | loop);
 *   <li>description: the rest of the line (may contain commas), at most 31 bytes in GB 18030.
 * </ul>
 *
 * Lines starting with {@code #} and blank lines are ignored, as is a header line starting with
 * {@code device}. Devices appear in the order of their first line.
 */
public final class FleetFile {

  private FleetFile() {}

  /** Reads a UTF-8 fleet file. */
  public static List<DeviceSpec> load(Path file, DeviceProfile profile) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), profile);
  }

  /**
   * @throws IllegalArgumentException for the first bad line, naming its number
   */
  public static List<DeviceSpec> parse(String text, DeviceProfile profile) {
    Map<Address, List<Point>> devices = new LinkedHashMap<>();
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.toLowerCase().startsWith("device")) {
        continue;
      }
      try {
        String[] f = line.split(",", 6);
        if (f.length < 3) {
          throw new IllegalArgumentException(
              "need at least device_address,system_type,system_address");
        }
        Address address = AddressText.parse(f[0]);
        List<Point> points = devices.computeIfAbsent(address, a -> new ArrayList<>());
        int systemType = number(f[1], 255, "system type");
        int systemAddress = number(f[2], 255, "system address");
        String type = f.length > 3 ? f[3].strip() : "";
        String component = f.length > 4 ? f[4].strip() : "";
        String description = f.length > 5 ? f[5].strip() : "";
        Gb18030.checkFits(description);
        if (type.isEmpty() != component.isEmpty()) {
          throw new IllegalArgumentException("give both component type and address, or neither");
        }
        points.add(
            type.isEmpty()
                ? Point.system(systemType, systemAddress, description)
                : Point.component(
                    systemType,
                    systemAddress,
                    number(type, 255, "component type"),
                    componentAddress(component),
                    description));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("fleet file line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    List<DeviceSpec> out = new ArrayList<>();
    devices.forEach((a, points) -> out.add(new DeviceSpec(a, profile, points)));
    return out;
  }

  /** The CSV text for devices, as {@link #parse} reads it. */
  public static String format(List<DeviceSpec> devices) {
    StringBuilder sb =
        new StringBuilder(
            "device_address,system_type,system_address,component_type,component_address,description\n");
    for (DeviceSpec d : devices) {
      for (Point p : d.points()) {
        sb.append(d.addressText())
            .append(',')
            .append(p.systemType().code())
            .append(',')
            .append(p.systemAddress())
            .append(',');
        if (p.isComponent()) {
          sb.append(p.componentType().code())
              .append(',')
              .append(String.format("0x%08x", p.componentAddress().value()));
        } else {
          sb.append(',');
        }
        sb.append(',').append(p.description()).append('\n');
      }
    }
    return sb.toString();
  }

  private static long componentAddress(String text) {
    int slash = text.indexOf('/');
    if (slash > 0) {
      return Point.loopPoint(
          number(text.substring(0, slash), 0xFFFF, "loop"),
          number(text.substring(slash + 1), 0xFFFF, "point"));
    }
    try {
      long v =
          text.toLowerCase().startsWith("0x")
              ? Long.parseLong(text.substring(2), 16)
              : Long.parseLong(text);
      if (v < 0 || v > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("component address out of range: " + text);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a component address: '" + text + "'");
    }
  }

  private static int number(String text, int max, String what) {
    try {
      int v = Integer.parseInt(text.strip());
      if (v < 0 || v > max) {
        throw new IllegalArgumentException(what + " out of range 0–" + max + ": " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is not a number: '" + text.strip() + "'");
    }
  }
}
