package io.fenghuo.bench.platform;

import io.fenghuo.bench.local.LocalPlatform;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.fleet.FleetFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The bench's own networked units of operator {@code op-a} for {@code board-lag}: unit {@code
 * U-330106-C<nnnn>} with UITD {@code 0c330106<nnnn>}, one building (1号楼) with {@link #FLOORS}
 * floors, one fire alarm panel (system 1:1) and two points per floor, a smoke detector (42) at
 * {@code 1 << 16 | floor × 10 + 1} and a manual call point (23) at {@code … + 2}: the address
 * scheme of the local run's seed ({@code deploy/local/seed/README.md}), letter C beside its A and
 * B.
 *
 * <p>They go into the unit-service through its public API as {@code Seed.java} loads the seed
 * (units CSV import, building, device binding, panel, point list import), once per run directory: a
 * marker file {@code data/bench-board-units} holds how many are complete. Everything downstream
 * (the gateway's bindings, the inspection-service's read model of buildings, floors and points)
 * comes from the unit-service's unit stream, as in production.
 */
final class BenchUnits {

  /** Floors of the one building; two points per floor. */
  static final int FLOORS = 5;

  static final String UNITS_HEADER =
      "id,operator_id,name,credit_code,category,district_code,address,latitude,longitude,phone,"
          + "control_room_phone,legal_rep_name,legal_rep_phone,responsible_name,responsible_phone,"
          + "manager_name,manager_phone,contacts,staff_count,floor_area,operator_contract_from,"
          + "operator_contract_to,maintenance_company,maintenance_phone,maintenance_from,"
          + "maintenance_to";

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final String[] CATEGORIES = {
    "KEY_UNIT", "CROWDED_PLACE", "FLAMMABLE_EXPLOSIVE", "OTHER"
  };

  private BenchUnits() {}

  static String unitId(int n) {
    return String.format(Locale.ROOT, "U-330106-C%04d", n);
  }

  static String device(int n) {
    return String.format(Locale.ROOT, "0c330106%04d", n);
  }

  /** The component addresses of unit {@code n}'s points, floor by floor. */
  static List<Long> components() {
    List<Long> out = new ArrayList<>();
    for (int f = 1; f <= FLOORS; f++) {
      out.add((1L << 16) | (f * 10L + 1));
      out.add((1L << 16) | (f * 10L + 2));
    }
    return out;
  }

  /** GB 32100 unified social credit code: 17 characters and the check character. */
  static String creditCode(String body17) {
    int s = 0;
    for (int i = 0; i < 17; i++) {
      s += ALPHABET.indexOf(body17.charAt(i)) * WEIGHTS[i];
    }
    return body17 + ALPHABET.charAt((31 - s % 31) % 31);
  }

  /** One row of the units CSV (the seed's format). */
  static String unitRow(int n) {
    String phone = String.format(Locale.ROOT, "0571-86%06d", n);
    return String.join(
        ",",
        unitId(n),
        "op-a",
        String.format(Locale.ROOT, "压测单位%04d", n),
        creditCode(String.format(Locale.ROOT, "91330106MA2C%05d", n)),
        CATEGORIES[(n - 1) % 4],
        "330106",
        String.format(Locale.ROOT, "浙江省杭州市西湖区文一西路%d号", 1000 + n),
        String.format(Locale.ROOT, "%.4f", 30.22 + (n % 53) * 0.0017),
        String.format(Locale.ROOT, "%.4f", 120.04 + (n % 71) * 0.0015),
        phone,
        phone,
        "王明",
        String.format(Locale.ROOT, "138%08d", n * 10),
        "李静",
        String.format(Locale.ROOT, "138%08d", n * 10 + 1),
        "张伟",
        String.format(Locale.ROOT, "138%08d", n * 10 + 2),
        String.format(Locale.ROOT, "赵强/值班员/138%08d", n * 10 + 3),
        "30",
        "3600",
        "2026-01-01",
        "2028-12-31",
        "杭州安消维保有限公司",
        "0571-87000000",
        "2026-01-01",
        "2026-12-31");
  }

  /** The unit's point list (the unit-service's point import format). */
  static String pointsCsv() {
    StringBuilder csv =
        new StringBuilder("component_address,component_type,location,building,floor,zone\n");
    for (int f = 1; f <= FLOORS; f++) {
      csv.append(
          String.format(
              Locale.ROOT, "%d,42,1号楼%d层走廊,1号楼,%d,1-%dF%n", (1 << 16) | (f * 10 + 1), f, f, f));
      csv.append(
          String.format(
              Locale.ROOT,
              "%d,23,1号楼%d层楼梯口手动报警按钮,1号楼,%d,1-%dF%n",
              (1 << 16) | (f * 10 + 2),
              f,
              f,
              f));
    }
    return csv.toString();
  }

  /** Fleet-file lines (device simulator) of units {@code from..to}, header first. */
  static String fleetCsv(int from, int to) {
    StringBuilder csv =
        new StringBuilder(
            "device_address,system_type,system_address,component_type,component_address,description\n");
    for (int n = from; n <= to; n++) {
      for (int f = 1; f <= FLOORS; f++) {
        csv.append(device(n)).append(",1,1,42,").append((1 << 16) | (f * 10 + 1));
        csv.append(',').append(f).append("层走廊感烟\n");
        csv.append(device(n)).append(",1,1,23,").append((1 << 16) | (f * 10 + 2));
        csv.append(',').append(f).append("层楼梯口手报\n");
      }
    }
    return csv.toString();
  }

  static List<DeviceSpec> specs(int from, int to) {
    return FleetFile.parse(fleetCsv(from, to), DeviceProfile.STANDARD);
  }

  /**
   * Makes sure units 1..{@code count} exist completely in the unit-service: those the marker does
   * not count are checked one by one (a unit is complete with a building, its UITD, a panel and a
   * point list) and the missing parts added. Returns how many units had to be (partly) added.
   */
  static int ensure(LocalPlatform p, AlarmApi units, int count) throws Exception {
    Path marker = p.home().resolve("data/bench-board-units");
    int done = 0;
    if (Files.exists(marker)) {
      done = Integer.parseInt(Files.readString(marker).strip());
    }
    if (done >= count) {
      LocalPlatform.log("bench units 1.." + count + " present (marker " + marker + ")");
      return 0;
    }
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Integer> missing = new ArrayList<>();
      List<Future<Boolean>> exists = new ArrayList<>();
      for (int n = done + 1; n <= count; n++) {
        String id = unitId(n);
        exists.add(pool.submit(() -> units.get("/api/units/" + id).status() == 200));
      }
      for (int i = 0; i < exists.size(); i++) {
        if (!exists.get(i).get()) {
          missing.add(done + 1 + i);
        }
      }
      if (!missing.isEmpty()) {
        StringBuilder csv = new StringBuilder(UNITS_HEADER).append('\n');
        missing.forEach(n -> csv.append(unitRow(n)).append('\n'));
        units
            .send("POST", "/api/units/import", "text/csv; charset=utf-8", csv.toString())
            .expect(201);
        LocalPlatform.log("imported " + missing.size() + " bench units");
      }
      AtomicInteger completed = new AtomicInteger();
      List<Future<?>> parts = new ArrayList<>();
      for (int n = done + 1; n <= count; n++) {
        int unit = n;
        boolean fresh = missing.contains(n);
        parts.add(
            pool.submit(
                () -> {
                  complete(units, unit, fresh);
                  int c = completed.incrementAndGet();
                  if (c % 200 == 0) {
                    LocalPlatform.log("bench units: " + c + " completed");
                  }
                  return null;
                }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Files.createDirectories(marker.getParent());
    Files.writeString(marker, count + "\n");
    LocalPlatform.log(
        String.format(
            "bench units %d..%d seeded through the unit-service API in %.1f s",
            done + 1, count, (System.nanoTime() - t0) / 1e9));
    return count - done;
  }

  /** Adds what unit {@code n} lacks; {@code fresh}: just imported, lacks everything. */
  private static void complete(AlarmApi api, int n, boolean fresh) throws Exception {
    String base = "/api/units/" + unitId(n);
    if (fresh || api.get(base + "/buildings").expect(200).body().isEmpty()) {
      api.post(
              base + "/buildings",
              "{\"name\":\"1号楼\",\"use\":\"办公\",\"structure\":\"REINFORCED_CONCRETE\","
                  + "\"fireResistanceGrade\":\"II\",\"heightMetres\":19.0,\"floorsAbove\":"
                  + FLOORS
                  + ",\"floorsBelow\":0,\"floorArea\":3600}")
          .expect(201);
    }
    if (fresh || api.get(base + "/devices").expect(200).body().isEmpty()) {
      api.send(
              "PUT",
              base + "/devices/" + device(n),
              "application/json",
              "{\"model\":\"FH-UITD-1\",\"profile\":\"standard\",\"installedOn\":\"2026-01-02\","
                  + "\"location\":\"1号楼1层消防控制室\"}")
          .expect(200);
    }
    String systemId = null;
    if (!fresh) {
      JsonNode systems = api.get(base + "/systems").expect(200).body();
      if (!systems.isEmpty()) {
        systemId = systems.get(0).path("id").asString();
      }
    }
    boolean needPoints = true;
    if (systemId == null) {
      systemId =
          api.post(
                  base + "/systems",
                  "{\"device\":\""
                      + device(n)
                      + "\",\"name\":\"1号楼火灾报警控制器\",\"systemType\":1,\"systemAddress\":1}")
              .expect(201)
              .body()
              .path("id")
              .asString();
    } else {
      needPoints = api.get(base + "/systems/" + systemId + "/points").expect(200).body().isEmpty();
    }
    if (needPoints) {
      api.send(
              "POST",
              base + "/systems/" + systemId + "/points/import",
              "text/csv; charset=utf-8",
              pointsCsv())
          .expect(200);
    }
  }
}
