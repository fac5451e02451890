package io.fenghuo.simulator.fleet;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.simulator.device.AddressText;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.device.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a fleet of N devices with deterministic addresses and points, so two runs (and the seed
 * data of other services) agree on who is who.
 *
 * <p>Address scheme: device {@code i} (0-based) has address {@code base + i}; the default base is
 * {@code f10000000001}, so device #0 is {@code f10000000001}, #9 {@code f1000000000a}, #9999 {@code
 * f10000002710}. The {@code f1} prefix keeps simulated addresses away from real IMEI/MAC-derived
 * ones.
 *
 * <p>Point scheme: system 1:1 (火灾报警系统) holds components {@code j = 0 … n−1} at loop {@code 1 + j /
 * 100}, point {@code 1 + j % 100} (address {@code point << 16 | loop}), with types cycling through
 * photoelectric smoke detector (42), point heat detector (31), manual call point (23), hydrant
 * button (24), smoke (42), smoke (42), input module (85) and pressure switch (99); the description
 * is {@code "L<loop>-P<point> <table-5 name>"}, cut to 31 GB 18030 bytes. Every device also has
 * system 11:1 (消火栓系统) with a water tank (92) at loop 0 point 1.
 */
public final class FleetGenerator {

  /** Default first address: {@code f10000000001}. */
  public static final Address DEFAULT_BASE = AddressText.parse("f10000000001");

  private static final int[] TYPES = {42, 31, 23, 24, 42, 42, 85, 99};

  private FleetGenerator() {}

  /**
   * @param count number of devices, ≥ 0
   * @param base address of device #0
   * @param pointsPerDevice fire-alarm-system components per device, 0–10,000
   * @throws IllegalArgumentException if the addresses would overflow 48 bits
   */
  public static List<DeviceSpec> generate(
      int count, Address base, int pointsPerDevice, DeviceProfile profile) {
    if (count < 0 || pointsPerDevice < 0 || pointsPerDevice > 10_000) {
      throw new IllegalArgumentException("count ≥ 0 and 0 ≤ points ≤ 10000");
    }
    if (base.value() + count - 1 > (1L << 48) - 1) {
      throw new IllegalArgumentException("addresses from " + base + " overflow 6 bytes");
    }
    List<Point> points = points(pointsPerDevice);
    List<DeviceSpec> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(new DeviceSpec(address(base, i), profile, points));
    }
    return out;
  }

  /** Address of device {@code index}: {@code base + index}. */
  public static Address address(Address base, int index) {
    return Address.of(base.value() + index);
  }

  /** The points every generated device has (shared, immutable). */
  static List<Point> points(int n) {
    List<Point> out = new ArrayList<>(n + 2);
    for (int j = 0; j < n; j++) {
      int loop = 1 + j / 100;
      int point = 1 + j % 100;
      int type = TYPES[j % TYPES.length];
      String label = io.fenghuo.gb26875.adu.ComponentType.of(type).label();
      out.add(
          Point.component(
              1,
              1,
              type,
              Point.loopPoint(loop, point),
              Gb18030.truncate("L" + loop + "-P" + point + " " + label)));
    }
    out.add(Point.component(11, 1, 92, Point.loopPoint(0, 1), "消防水箱"));
    return List.copyOf(out);
  }
}
