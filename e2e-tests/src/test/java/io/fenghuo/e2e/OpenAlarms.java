package io.fenghuo.e2e;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Test set-up through the alarm-service's API. */
final class OpenAlarms {

  private OpenAlarms() {}

  /**
   * Closes (as a test, 测试) every open alarm of these units, so that a test starts from none: on a
   * fresh platform there are none; with {@code -Dfenghuo.e2e.reuse} an earlier run may have left
   * some.
   */
  static void closeAll(Api operator, Set<String> units) throws Exception {
    for (JsonNode card : operator.get("/api/alarms/queue").expect(200).body().path("items")) {
      if (units.contains(card.path("unitId").asString())) {
        String id = card.path("id").asString();
        operator.post("/api/alarms/" + id + "/claim", null);
        operator
            .post(
                "/api/alarms/" + id + "/dismiss", "{\"verdict\":\"TEST\",\"notes\":\"e2e set-up\"}")
            .expect(200);
      }
    }
  }
}
