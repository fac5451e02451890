package io.fenghuo.unit;

import static io.fenghuo.unit.support.Fixtures.aBuilding;
import static io.fenghuo.unit.support.Fixtures.aDeviceAddress;
import static io.fenghuo.unit.support.Fixtures.aFireAlarmPanel;
import static io.fenghuo.unit.support.Fixtures.aNewUnit;
import static io.fenghuo.unit.support.Fixtures.aProfile;
import static io.fenghuo.unit.support.Fixtures.aUnitId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.fenghuo.testkit.Api;
import io.fenghuo.testkit.Api.Response;
import io.fenghuo.testkit.Tokens;
import io.fenghuo.unit.support.RunningService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint × every role × own and other tenant. "Own" is a unit of op-a for op-a's staff and
 * the manager's own unit for a unit manager; "other" is a unit of op-b (or another unit). Another
 * tenant's unit is answered as "not found", so its existence does not leak.
 */
class AuthorizationMatrixIT extends RunningService {

  private static final String OWN_OP = "op-a";
  private static final String OTHER_OP = "op-b";

  /** A unit with one of each part, created by an administrator. */
  record Target(
      String unit,
      String building,
      String keyPart,
      String device,
      String spareDevice,
      String system) {}

  /** A caller: its token for a target unit (the unit manager's token names its own unit). */
  enum Caller {
    NO_TOKEN,
    NO_ROLE,
    DISPATCHER_119,
    SUPERVISION,
    UNIT_MANAGER,
    OPERATOR,
    OPERATOR_SUPERVISOR,
    ADMIN;

    String token(Target own) {
      return switch (this) {
        case NO_TOKEN -> null;
        case NO_ROLE -> Tokens.sign("nobody", List.of(), null, null);
        case DISPATCHER_119 -> Tokens.dispatcher119();
        case SUPERVISION -> Tokens.supervision();
        case UNIT_MANAGER -> Tokens.unitManager(own.unit());
        case OPERATOR -> Tokens.operator(OWN_OP);
        case OPERATOR_SUPERVISOR -> Tokens.operatorSupervisor(OWN_OP);
        case ADMIN -> Tokens.admin();
      };
    }

    boolean reads(boolean own) {
      return switch (this) {
        case ADMIN, SUPERVISION -> true;
        case OPERATOR, OPERATOR_SUPERVISOR, UNIT_MANAGER -> own;
        default -> false;
      };
    }

    boolean mayRead() {
      return this == ADMIN || this == SUPERVISION || tenantBound();
    }

    boolean mayWrite() {
      return this == ADMIN || this == OPERATOR || this == OPERATOR_SUPERVISOR;
    }

    boolean tenantBound() {
      return this == OPERATOR || this == OPERATOR_SUPERVISOR || this == UNIT_MANAGER;
    }
  }

  /** An endpoint, called on a target with a token. */
  record Endpoint(
      String name, boolean write, BiFunction<Api, Target, Function<String, Response>> call) {}

  private static List<Endpoint> endpoints() {
    List<Endpoint> e = new ArrayList<>();
    String u = "/api/units/";
    e.add(read("GET unit", (api, t) -> tok -> api.get(u + t.unit(), tok)));
    e.add(read("GET buildings", (api, t) -> tok -> api.get(u + t.unit() + "/buildings", tok)));
    e.add(read("GET key-parts", (api, t) -> tok -> api.get(u + t.unit() + "/key-parts", tok)));
    e.add(read("GET devices", (api, t) -> tok -> api.get(u + t.unit() + "/devices", tok)));
    e.add(read("GET systems", (api, t) -> tok -> api.get(u + t.unit() + "/systems", tok)));
    e.add(
        read(
            "GET points",
            (api, t) -> tok -> api.get(u + t.unit() + "/systems/" + t.system() + "/points", tok)));
    e.add(write("PUT unit", (api, t) -> tok -> api.put(u + t.unit(), tok, aProfile("改名"))));
    e.add(write("DELETE unit", (api, t) -> tok -> api.delete(u + t.unit(), tok)));
    e.add(
        write(
            "POST building",
            (api, t) -> tok -> api.post(u + t.unit() + "/buildings", tok, aBuilding("新楼"))));
    e.add(
        write(
            "PUT building",
            (api, t) ->
                tok -> api.put(u + t.unit() + "/buildings/" + t.building(), tok, aBuilding("改楼"))));
    e.add(
        write(
            "DELETE building",
            (api, t) -> tok -> api.delete(u + t.unit() + "/buildings/" + t.building(), tok)));
    e.add(
        write(
            "POST key-part",
            (api, t) -> tok -> api.post(u + t.unit() + "/key-parts", tok, aKeyPart())));
    e.add(
        write(
            "PUT key-part",
            (api, t) ->
                tok -> api.put(u + t.unit() + "/key-parts/" + t.keyPart(), tok, aKeyPart())));
    e.add(
        write(
            "DELETE key-part",
            (api, t) -> tok -> api.delete(u + t.unit() + "/key-parts/" + t.keyPart(), tok)));
    e.add(
        write(
            "PUT device",
            (api, t) ->
                tok ->
                    api.put(
                        u + t.unit() + "/devices/" + t.spareDevice(), tok, Map.of("model", "X"))));
    e.add(
        write(
            "DELETE device",
            (api, t) -> tok -> api.delete(u + t.unit() + "/devices/" + t.spareDevice(), tok)));
    e.add(
        write(
            "POST system",
            (api, t) ->
                tok ->
                    api.post(
                        u + t.unit() + "/systems",
                        tok,
                        Map.of("device", t.device(), "systemType", 18, "systemAddress", 2))));
    e.add(
        write(
            "PUT system",
            (api, t) ->
                tok ->
                    api.put(
                        u + t.unit() + "/systems/" + t.system(),
                        tok,
                        aFireAlarmPanel(t.device()))));
    e.add(
        write(
            "DELETE system",
            (api, t) -> tok -> api.delete(u + t.unit() + "/systems/" + t.system(), tok)));
    e.add(
        write(
            "PUT points",
            (api, t) ->
                tok ->
                    api.put(
                        u + t.unit() + "/systems/" + t.system() + "/points",
                        tok,
                        List.of(
                            Map.of(
                                "componentAddress", 1, "componentType", 42, "location", "大厅")))));
    e.add(
        write(
            "POST points import",
            (api, t) ->
                tok ->
                    api.postCsv(
                        u + t.unit() + "/systems/" + t.system() + "/points/import",
                        tok,
                        "component_address,component_type,location\n1,42,大厅\n")));
    return e;
  }

  @TestFactory
  Stream<DynamicTest> everyUnitEndpointForEveryRoleOnOwnAndOtherTenant() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint endpoint : endpoints()) {
      for (boolean own : new boolean[] {true, false}) {
        Target shared = null;
        for (Caller caller : Caller.values()) {
          int expected = expected(endpoint, caller, own);
          boolean mutates = expected / 100 == 2 && endpoint.write();
          String name =
              endpoint.name()
                  + " by "
                  + caller
                  + (own ? " on own" : " on other")
                  + " → "
                  + expected;
          if (mutates || shared == null) {
            Target fixture = fixture(own);
            if (!mutates) {
              shared = fixture;
            }
            tests.add(check(name, endpoint, caller, fixture, own, expected));
          } else {
            tests.add(check(name, endpoint, caller, shared, own, expected));
          }
        }
      }
    }
    return tests.stream();
  }

  private DynamicTest check(
      String name, Endpoint endpoint, Caller caller, Target target, boolean own, int expected) {
    return dynamicTest(
        name,
        () -> {
          // The unit manager's "own" unit is the target; its "other" is a unit it does not manage.
          Target tokenTarget =
              own ? target : new Target(aUnitId("U-elsewhere"), null, null, null, null, null);
          Response response = endpoint.call().apply(api, target).apply(caller.token(tokenTarget));
          assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(expected);
        });
  }

  private static int expected(Endpoint endpoint, Caller caller, boolean own) {
    if (caller == Caller.NO_TOKEN) {
      return 401;
    }
    boolean allowedRole = endpoint.write() ? caller.mayWrite() : caller.mayRead();
    if (!allowedRole) {
      return 403;
    }
    if (!caller.reads(own)) {
      return 404;
    }
    if (!endpoint.write()) {
      return 200;
    }
    return switch (endpoint.name()) {
      case "DELETE unit", "DELETE building", "DELETE key-part", "DELETE device", "DELETE system" ->
          204;
      case "POST building", "POST key-part", "POST system" -> 201;
      default -> 200;
    };
  }

  @TestFactory
  Stream<DynamicTest> registeringAUnitForEveryRoleForOwnAndOtherOperator() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Caller caller : Caller.values()) {
      for (boolean own : new boolean[] {true, false}) {
        int expected =
            caller == Caller.NO_TOKEN
                ? 401
                : !caller.mayWrite() ? 403 : caller == Caller.ADMIN || own ? 201 : 403;
        String operator = own ? OWN_OP : OTHER_OP;
        tests.add(
            dynamicTest(
                "POST unit by " + caller + " for " + operator + " → " + expected,
                () -> {
                  String token =
                      caller.token(new Target(aUnitId("U-x"), null, null, null, null, null));
                  Response response =
                      api.post("/api/units", token, aNewUnit(aUnitId("U-330106"), operator, "新单位"));
                  assertThat(response.status()).as(response.body().toString()).isEqualTo(expected);
                }));
        tests.add(
            dynamicTest(
                "POST units import by " + caller + " for " + operator + " → " + expected,
                () -> {
                  String token =
                      caller.token(new Target(aUnitId("U-x"), null, null, null, null, null));
                  Response response =
                      api.postCsv(
                          "/api/units/import",
                          token,
                          "id,operator_id,name,category,district_code,address\n"
                              + aUnitId("U-330106")
                              + ","
                              + operator
                              + ",导入单位,OTHER,330106,地址\n");
                  assertThat(response.status()).as(response.body().toString()).isEqualTo(expected);
                }));
      }
    }
    return tests.stream();
  }

  @Test
  void theUnitListShowsEachCallerOnlyWhatItMaySee() {
    Target ownUnit = fixture(true);
    Target otherUnit = fixture(false);

    assertThat(ids(Tokens.operator(OWN_OP)))
        .contains(ownUnit.unit())
        .doesNotContain(otherUnit.unit());
    assertThat(ids(Tokens.operator(OTHER_OP)))
        .contains(otherUnit.unit())
        .doesNotContain(ownUnit.unit());
    assertThat(ids(Tokens.unitManager(ownUnit.unit()))).containsExactly(ownUnit.unit());
    assertThat(ids(Tokens.supervision())).contains(ownUnit.unit(), otherUnit.unit());
    assertThat(ids(Tokens.admin())).contains(ownUnit.unit(), otherUnit.unit());
    assertThat(api.get("/api/units", Tokens.dispatcher119()).status()).isEqualTo(403);
    assertThat(api.get("/api/units", null).status()).isEqualTo(401);
  }

  @Test
  void aTokenWithAnOperatorRoleButNoOperatorIsRejected() {
    String token = Tokens.sign("mallory", List.of("operator"), null, null);

    assertThat(api.get("/api/units", token).status()).isEqualTo(401);
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
    var generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var jwt =
        new com.nimbusds.jwt.SignedJWT(
            new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256),
            new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject("forger")
                .claim("roles", List.of("admin"))
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000))
                .build());
    jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(generator.generateKeyPair().getPrivate()));

    assertThat(api.get("/api/units", jwt.serialize()).status()).isEqualTo(401);
  }

  private List<String> ids(String token) {
    JsonNode items = api.get("/api/units?size=500", token).get("items");
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get("id").asString()));
    return ids;
  }

  private Target fixture(boolean own) {
    String admin = Tokens.admin();
    String unit = aUnitId("U-330106");
    Response created =
        api.post("/api/units", admin, aNewUnit(unit, own ? OWN_OP : OTHER_OP, "矩阵单位"));
    assertThat(created.status()).isEqualTo(201);
    String u = "/api/units/" + unit;
    String building = api.post(u + "/buildings", admin, aBuilding("1号楼")).get("id").asString();
    String keyPart = api.post(u + "/key-parts", admin, aKeyPart()).get("id").asString();
    String device = aDeviceAddress();
    String spare = aDeviceAddress();
    api.put(u + "/devices/" + device, admin, Map.of());
    api.put(u + "/devices/" + spare, admin, Map.of());
    String system = api.post(u + "/systems", admin, aFireAlarmPanel(device)).get("id").asString();
    return new Target(unit, building, keyPart, device, spare, system);
  }

  private static Map<String, Object> aKeyPart() {
    return Map.of("name", "配电室", "location", "地下1层");
  }

  private static Endpoint read(
      String name, BiFunction<Api, Target, Function<String, Response>> call) {
    return new Endpoint(name, false, call);
  }

  private static Endpoint write(
      String name, BiFunction<Api, Target, Function<String, Response>> call) {
    return new Endpoint(name, true, call);
  }
}
