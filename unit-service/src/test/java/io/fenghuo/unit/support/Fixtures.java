package io.fenghuo.unit.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Request bodies in the archive's language. */
public final class Fixtures {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private Fixtures() {}

  /** A fresh unit id, unique within the test JVM run. */
  public static String aUnitId(String prefix) {
    return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
  }

  /** A fresh device address (12 hex digits). */
  public static String aDeviceAddress() {
    long value =
        (System.nanoTime() ^ ((long) SEQUENCE.incrementAndGet() << 40)) & 0xFFFF_FFFF_FFFFL;
    return String.format("%012x", value);
  }

  /** The basic data of a crowded place in 杭州市西湖区. */
  public static Map<String, Object> aProfile(String name) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("creditCode", "91350100M000100Y43");
    p.put("category", "CROWDED_PLACE");
    p.put("districtCode", "330106");
    p.put("address", "浙江省杭州市西湖区文三路1号");
    p.put("coordinates", Map.of("latitude", 30.2741, "longitude", 120.1551));
    p.put("phone", "0571-88000001");
    p.put("controlRoomPhone", "0571-88000119");
    p.put("legalRepresentative", Map.of("name", "王建国", "phone", "13900000001"));
    p.put("safetyResponsible", Map.of("name", "王建国", "phone", "13900000001"));
    p.put("safetyManager", Map.of("name", "李明", "phone", "13900000002"));
    p.put(
        "contacts",
        List.of(
            Map.of("name", "张伟", "role", "值班员", "phone", "13900000003"),
            Map.of("name", "赵强", "role", "保安队长", "phone", "13900000004")));
    p.put("staffCount", 120);
    p.put("floorArea", 15000.5);
    p.put("operatorContract", Map.of("from", "2026-01-01", "to", "2028-12-31"));
    p.put(
        "maintenance",
        Map.of("company", "杭州安消维保有限公司", "phone", "0571-87000000", "from", "2026-01-01"));
    return p;
  }

  /** A new-unit request. */
  public static Map<String, Object> aNewUnit(String id, String operatorId, String name) {
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("id", id);
    if (operatorId != null) {
      unit.put("operatorId", operatorId);
    }
    unit.put("profile", aProfile(name));
    return unit;
  }

  /** A 12-storey building with 2 basement levels. */
  public static Map<String, Object> aBuilding(String name) {
    return Map.of(
        "name",
        name,
        "use",
        "商业",
        "structure",
        "REINFORCED_CONCRETE",
        "fireResistanceGrade",
        "I",
        "heightMetres",
        48.5,
        "floorsAbove",
        12,
        "floorsBelow",
        2,
        "floorArea",
        12000);
  }

  /** A fire alarm control panel (system type 1) at address 1 on the device. */
  public static Map<String, Object> aFireAlarmPanel(String device) {
    return Map.of("device", device, "systemType", 1, "systemAddress", 1, "name", "1号楼火灾报警控制器");
  }
}
