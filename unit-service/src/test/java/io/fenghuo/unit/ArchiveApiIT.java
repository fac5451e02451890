package io.fenghuo.unit;

import static io.fenghuo.unit.support.Fixtures.aBuilding;
import static io.fenghuo.unit.support.Fixtures.aDeviceAddress;
import static io.fenghuo.unit.support.Fixtures.aFireAlarmPanel;
import static io.fenghuo.unit.support.Fixtures.aNewUnit;
import static io.fenghuo.unit.support.Fixtures.aProfile;
import static io.fenghuo.unit.support.Fixtures.aUnitId;
import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.testkit.Api.Response;
import io.fenghuo.testkit.Tokens;
import io.fenghuo.unit.support.RunningService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The archive API round trips against real PostgreSQL, with real tokens. */
class ArchiveApiIT extends RunningService {

  private final String op = "op-a";
  private final String token = Tokens.operator(op);

  @Test
  void aRegisteredUnitReadsBackWithEveryFieldAndItsOwnOperator() {
    String id = aUnitId("U-330106");

    Response created = api.post("/api/units", token, aNewUnit(id, null, "西湖文化广场"));
    Response read = api.get("/api/units/" + id, token);

    assertThat(created.status()).isEqualTo(201);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.get("operator").asString()).isEqualTo(op);
    assertThat(read.get("version").asLong()).isEqualTo(1);
    JsonNode profile = read.get("profile");
    assertThat(profile.get("name").asString()).isEqualTo("西湖文化广场");
    assertThat(profile.get("creditCode").asString()).isEqualTo("91350100M000100Y43");
    assertThat(profile.get("coordinates").get("latitude").asDouble()).isEqualTo(30.2741);
    assertThat(profile.get("contacts").get(1).get("role").asString()).isEqualTo("保安队长");
    assertThat(profile.get("operatorContract").get("to").asString()).isEqualTo("2028-12-31");
    assertThat(profile.get("maintenance").get("company").asString()).isEqualTo("杭州安消维保有限公司");
  }

  @Test
  void anUnnamedUnitGetsAnIdInItsDistrict() {
    Map<String, Object> body = aNewUnit(null, null, "无编号单位");
    body.remove("id");

    Response created = api.post("/api/units", token, body);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.get("id").asString()).startsWith("U-330106-");
  }

  @Test
  void updatingTheProfileReplacesItAndRaisesTheVersion() {
    String id = register();
    Map<String, Object> changed = aProfile("西湖文化广场（更名）");
    changed.put("contacts", List.of(Map.of("name", "新值班员", "role", "值班员", "phone", "13900000009")));

    Response updated = api.put("/api/units/" + id, token, changed);

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.get("version").asLong()).isEqualTo(2);
    assertThat(updated.get("profile").get("name").asString()).isEqualTo("西湖文化广场（更名）");
    assertThat(updated.get("profile").get("contacts")).hasSize(1);
  }

  @Test
  void buildingsKeyPartsDevicesSystemsAndPointsRoundTrip() {
    String id = register();
    String device = aDeviceAddress();

    JsonNode building = api.post(path(id, "/buildings"), token, aBuilding("1号楼")).body();
    String buildingId = building.get("id").asString();
    Response keyPart =
        api.post(
            path(id, "/key-parts"),
            token,
            Map.of("name", "消防控制室", "buildingId", buildingId, "location", "1号楼1层东侧"));
    Response bound =
        api.put(
            path(id, "/devices/" + device),
            token,
            Map.of("model", "FH-UITD-1", "profile", "standard"));
    JsonNode system = api.post(path(id, "/systems"), token, aFireAlarmPanel(device)).body();
    String systemId = system.get("id").asString();
    Response points =
        api.put(
            path(id, "/systems/" + systemId + "/points"),
            token,
            List.of(
                Map.of(
                    "componentAddress",
                    65539,
                    "componentType",
                    42,
                    "location",
                    "1号楼3层东侧走廊",
                    "buildingId",
                    buildingId,
                    "floor",
                    3,
                    "zone",
                    "3F-A"),
                Map.of(
                    "componentAddress", 65540,
                    "componentType", 23,
                    "location", "1号楼地下1层车库入口",
                    "buildingId", buildingId,
                    "floor", -1)));

    assertThat(keyPart.status()).isEqualTo(201);
    assertThat(bound.status()).isEqualTo(200);
    assertThat(points.status()).isEqualTo(200);
    assertThat(api.get(path(id, "/buildings"), token).body()).hasSize(1);
    assertThat(api.get(path(id, "/key-parts"), token).body().get(0).get("name").asString())
        .isEqualTo("消防控制室");
    assertThat(api.get(path(id, "/devices"), token).body().get(0).get("address").asString())
        .isEqualTo(device);
    assertThat(api.get(path(id, "/systems"), token).body().get(0).get("systemType").asInt())
        .isEqualTo(1);
    JsonNode read = api.get(path(id, "/systems/" + systemId + "/points"), token).body();
    assertThat(read).hasSize(2);
    assertThat(read.get(1).get("floor").asInt()).isEqualTo(-1);
    assertThat(api.get("/api/units/" + id, token).get("version").asLong()).isEqualTo(6);
  }

  @Test
  void aDeviceBoundToAnotherUnitIsAConflictThatDoesNotNameTheOtherUnit() {
    String first = register();
    String second = register();
    String device = aDeviceAddress();
    api.put(path(first, "/devices/" + device), token, Map.of());

    Response again = api.put(path(second, "/devices/" + device), token, Map.of());

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.get("errors").get(0).get("rule").asString()).isEqualTo("unbound-device");
    assertThat(again.body().toString()).doesNotContain(first);
  }

  @Test
  void aPointOnAFloorTheBuildingDoesNotHaveIsRefusedAndNothingChanges() {
    String id = register();
    String device = aDeviceAddress();
    String buildingId =
        api.post(path(id, "/buildings"), token, aBuilding("2号楼")).get("id").asString();
    api.put(path(id, "/devices/" + device), token, Map.of());
    String systemId =
        api.post(path(id, "/systems"), token, aFireAlarmPanel(device)).get("id").asString();

    Response refused =
        api.put(
            path(id, "/systems/" + systemId + "/points"),
            token,
            List.of(
                Map.of(
                    "componentAddress",
                    1,
                    "componentType",
                    42,
                    "location",
                    "ok",
                    "buildingId",
                    buildingId,
                    "floor",
                    2),
                Map.of(
                    "componentAddress",
                    2,
                    "componentType",
                    42,
                    "location",
                    "13层",
                    "buildingId",
                    buildingId,
                    "floor",
                    13)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("[1].floor");
    assertThat(refused.get("errors").get(0).get("rule").asString()).isEqualTo("building-floor");
    assertThat(api.get(path(id, "/systems/" + systemId + "/points"), token).body()).isEmpty();
  }

  @Test
  void badInputIsAnsweredWithEveryFieldAndRuleAsProblemDetails() {
    Map<String, Object> profile = aProfile("");
    profile.put("creditCode", "91350100M000100Y44");
    profile.put("districtCode", "990106");
    profile.put("controlRoomPhone", "call me");
    profile.put("operatorContract", Map.of("from", "2027-01-01", "to", "2026-01-01"));

    Response refused = api.post("/api/units", token, Map.of("profile", profile));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.get("type").asString())
        .isEqualTo("https://fenghuo.io/problems/invalid-input");
    assertThat(refused.get("errors"))
        .extracting(e -> e.get("field").asString() + ":" + e.get("rule").asString())
        .containsExactlyInAnyOrder(
            "profile.name:not-blank",
            "profile.creditCode:credit-code",
            "profile.districtCode:district-code",
            "profile.controlRoomPhone:phone",
            "profile.operatorContract.to:ordered-period");
  }

  @Test
  void anUnknownCategoryIsRefusedNamingTheField() {
    Map<String, Object> profile = aProfile("某单位");
    profile.put("category", "VERY_IMPORTANT");

    Response refused = api.post("/api/units", token, Map.of("profile", profile));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("profile.category");
  }

  @Test
  void aMalformedDeviceAddressIsRefusedWithTheRule() {
    String id = register();

    Response refused = api.put(path(id, "/devices/not-hex"), token, Map.of());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.get("errors").get(0).get("rule").asString()).isEqualTo("device-address");
  }

  @Test
  void aRemovedUnitIsGoneWithItsArchive() {
    String id = register();
    api.post(path(id, "/buildings"), token, aBuilding("1号楼"));

    Response removed = api.delete("/api/units/" + id, token);

    assertThat(removed.status()).isEqualTo(204);
    assertThat(api.get("/api/units/" + id, token).status()).isEqualTo(404);
    assertThat(api.get(path(id, "/buildings"), token).status()).isEqualTo(404);
  }

  @Test
  void theUnitListIsFilteredAndPaged() {
    String id = register();

    JsonNode page =
        api.get("/api/units?category=CROWDED_PLACE&district=330106&size=500", token).body();

    assertThat(page.get("items")).extracting(u -> u.get("id").asString()).contains(id);
    assertThat(page.get("items")).allMatch(u -> u.get("operator").asString().equals(op));
  }

  @Test
  void theApiIsDescribedByOpenApiWithoutAToken() {
    Response docs = api.get("/v3/api-docs", null);

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.get("paths").has("/api/units/{unitId}/systems/{systemId}/points/import"))
        .isTrue();
  }

  private String register() {
    String id = aUnitId("U-330106");
    assertThat(api.post("/api/units", token, aNewUnit(id, null, "测试单位")).status()).isEqualTo(201);
    return id;
  }

  private static String path(String unitId, String rest) {
    return "/api/units/" + unitId + rest;
  }
}
