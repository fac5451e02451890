package io.fenghuo.unit;

import static io.fenghuo.unit.support.Fixtures.aBuilding;
import static io.fenghuo.unit.support.Fixtures.aDeviceAddress;
import static io.fenghuo.unit.support.Fixtures.aFireAlarmPanel;
import static io.fenghuo.unit.support.Fixtures.aNewUnit;
import static io.fenghuo.unit.support.Fixtures.aUnitId;
import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.testkit.Api.Response;
import io.fenghuo.testkit.Tokens;
import io.fenghuo.unit.support.RunningService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bulk onboarding from CSV: all rows or none, every bad row reported. */
class CsvImportIT extends RunningService {

  private static final String HEADER =
      "id,name,credit_code,category,district_code,address,latitude,longitude,control_room_phone,"
          + "responsible_name,responsible_phone,contacts,staff_count,floor_area,"
          + "operator_contract_from,operator_contract_to,maintenance_company\r\n";

  private final String token = Tokens.operator("op-a");

  @Test
  void aGoodFileImportsEveryUnitWithItsData() {
    String a = aUnitId("U-330106");
    String b = aUnitId("U-330106");
    String csv =
        "\uFEFF"
            + HEADER
            + a
            + ",\"西湖商场, 北区\",91350100M000100Y43,CROWDED_PLACE,330106,文三路1号,30.27,120.15,"
            + "0571-88000119,王建国,13900000001,张伟/值班员/13900000003;赵强/保安队长/13900000004,"
            + "120,15000.5,2026-01-01,2028-12-31,杭州安消维保有限公司\r\n"
            + b
            + ",西湖加油站,,FLAMMABLE_EXPLOSIVE,330106,天目山路8号,,,,,,,,,,,\r\n";

    Response imported = api.postCsv("/api/units/import", token, csv);

    assertThat(imported.status()).isEqualTo(201);
    assertThat(imported.get("imported").asInt()).isEqualTo(2);
    JsonNode first = api.get("/api/units/" + a, token).get("profile");
    assertThat(first.get("name").asString()).isEqualTo("西湖商场, 北区");
    assertThat(first.get("contacts").get(1).get("name").asString()).isEqualTo("赵强");
    assertThat(first.get("safetyResponsible").get("phone").asString()).isEqualTo("13900000001");
    assertThat(api.get("/api/units/" + b, token).get("profile").get("category").asString())
        .isEqualTo("FLAMMABLE_EXPLOSIVE");
  }

  @Test
  void aFileWithBadRowsReportsEachOneAndImportsNothing() {
    String good = aUnitId("U-330106");
    String bad1 = aUnitId("U-330106");
    String bad2 = aUnitId("U-330106");
    String csv =
        HEADER
            + good
            + ",好单位,,OTHER,330106,地址1,,,,,,,,,,,\n"
            + bad1
            + ",,91350100M000100Y44,OTHER,330106,地址2,,,,,,,many,,,,\n"
            + good
            + ",重复,,SOMETHING,990106,地址3,95,,,,,,,,2027-01-01,2026-01-01,\n"
            + bad2
            + ",坏联系人,,OTHER,330106,地址4,,,,,13900000001,张伟/值班员,,,,,\n";

    Response refused = api.postCsv("/api/units/import", token, csv);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.get("errors"))
        .extracting(
            e ->
                e.get("row").asInt()
                    + ":"
                    + e.get("column").asString()
                    + ":"
                    + e.get("rule").asString())
        .containsExactlyInAnyOrder(
            "3:credit_code:credit-code",
            "3:name:not-blank",
            "3:staff_count:integer",
            "4:category:one-of",
            "4:district_code:district-code",
            "4:id:unique",
            "4:latitude:decimal-max",
            "4:longitude:not-null",
            "4:operator_contract_to:ordered-period",
            "5:contacts:contact-format",
            "5:responsible_name:not-blank");
    assertThat(api.get("/api/units/" + good, token).status()).isEqualTo(404);
  }

  @Test
  void anUnknownColumnOrAMissingRequiredOneIsReportedOnTheHeaderRow() {
    Response refused = api.postCsv("/api/units/import", token, "name,colour\n单位,红\n");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.get("errors"))
        .extracting(e -> e.get("column").asString() + ":" + e.get("rule").asString())
        .contains("colour:known-column", "category:required-column", "address:required-column");
  }

  @Test
  void aPanelsPointListImportsByBuildingNameAndReplacesTheOldList() {
    String unit = aUnitId("U-330106");
    api.post("/api/units", token, aNewUnit(unit, null, "点位表单位"));
    api.post("/api/units/" + unit + "/buildings", token, aBuilding("1号楼"));
    String device = aDeviceAddress();
    api.put("/api/units/" + unit + "/devices/" + device, token, Map.of());
    String system =
        api.post("/api/units/" + unit + "/systems", token, aFireAlarmPanel(device))
            .get("id")
            .asString();
    String points = "/api/units/" + unit + "/systems/" + system + "/points";
    api.postCsv(points + "/import", token, "component_address,component_type,location\n9,42,旧点位\n");

    Response imported =
        api.postCsv(
            points + "/import",
            token,
            "component_address,component_type,location,building,floor,zone\n"
                + "65537,42,1号楼1层大厅,1号楼,1,1F-A\n"
                + "65538,23,1号楼1层东侧楼梯口手报,1号楼,1,1F-A\n"
                + "131073,42,1号楼地下1层车库,1号楼,-1,B1\n");

    assertThat(imported.status()).isEqualTo(200);
    JsonNode list = api.get(points, token).body();
    assertThat(list).hasSize(3);
    assertThat(list.get(2).get("floor").asInt()).isEqualTo(-1);
    assertThat(list.get(0).get("buildingId").asString()).isNotBlank();
  }

  @Test
  void aBadPointListReportsEveryBadRowAndKeepsTheOldList() {
    String unit = aUnitId("U-330106");
    api.post("/api/units", token, aNewUnit(unit, null, "坏点位表单位"));
    api.post("/api/units/" + unit + "/buildings", token, aBuilding("1号楼"));
    String device = aDeviceAddress();
    api.put("/api/units/" + unit + "/devices/" + device, token, Map.of());
    String system =
        api.post("/api/units/" + unit + "/systems", token, aFireAlarmPanel(device))
            .get("id")
            .asString();
    String points = "/api/units/" + unit + "/systems/" + system + "/points";
    api.postCsv(points + "/import", token, "component_address,component_type,location\n9,42,旧点位\n");

    Response refused =
        api.postCsv(
            points + "/import",
            token,
            "component_address,component_type,location,building,floor\n"
                + "1,42,好点位,1号楼,2\n"
                + "1,42,重复地址,1号楼,3\n"
                + "x,300,,2号楼,\n"
                + "4,42,不存在的楼层,1号楼,40\n");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.get("errors"))
        .extracting(
            e ->
                e.get("row").asInt()
                    + ":"
                    + e.get("column").asString()
                    + ":"
                    + e.get("rule").asString())
        .containsExactlyInAnyOrder(
            "3:component_address:unique",
            "4:component_address:integer",
            "4:component_type:max",
            "4:location:not-blank",
            "4:building:unit-building",
            "5:floor:building-floor");
    JsonNode kept = api.get(points, token).body();
    assertThat(kept).hasSize(1);
    assertThat(kept.get(0).get("location").asString()).isEqualTo("旧点位");
  }
}
