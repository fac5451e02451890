package io.fenghuo.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BoardRecordsTest {

  static JsonNode json(String text) {
    return AlarmApi.JSON.readTree(text);
  }

  @Test
  void aComponentFaultOpeningNamesItsPointAndTheClosingOnlyTheFault() {
    BoardRecords.FaultStep opened =
        BoardRecords.pointFault(
            BoardRecords.FAULT_OPENED,
            json(
                """
                {"faultId":"f-1","unit":"U-330106-C0001","device":"0c3301060001",
                 "kind":"POINT_FAULT","point":{"systemType":1,"systemAddress":1,
                 "componentType":42,"componentAddress":65547},"openedAt":"2026-11-28T05:21:08Z"}
                """));
    assertThat(opened).isEqualTo(new BoardRecords.FaultStep(true, "f-1", "0c3301060001/65547"));

    BoardRecords.FaultStep closed =
        BoardRecords.pointFault(
            BoardRecords.FAULT_CLOSED,
            json(
                "{\"faultId\":\"f-1\",\"kind\":\"POINT_FAULT\",\"closedBy\":\"RECOVERY_SIGNAL\"}"));
    assertThat(closed).isEqualTo(new BoardRecords.FaultStep(false, "f-1", null));
  }

  @Test
  void otherKindsAndTypesAreNotComponentFaults() {
    assertThat(
            BoardRecords.pointFault(
                BoardRecords.FAULT_OPENED,
                json(
                    "{\"faultId\":\"f-2\",\"device\":\"0c3301060001\",\"kind\":\"COMMUNICATION_FAULT\"}")))
        .isNull();
    assertThat(
            BoardRecords.pointFault(
                "fenghuo.fault.escalated.v1",
                json("{\"faultId\":\"f-1\",\"kind\":\"POINT_FAULT\"}")))
        .isNull();
    // an opening without a component (should not happen for POINT_FAULT) is not counted
    assertThat(
            BoardRecords.pointFault(
                BoardRecords.FAULT_OPENED,
                json("{\"faultId\":\"f-3\",\"device\":\"0c3301060001\",\"kind\":\"POINT_FAULT\"}")))
        .isNull();
  }

  @Test
  void componentStatesOnTheStatusStreamTellFaultFromNormal() {
    String point =
        "\"point\":{\"systemType\":1,\"systemAddress\":1,\"componentType\":23,\"componentAddress\":65562}";
    assertThat(
            BoardRecords.componentState(
                BoardRecords.STATUS_CHANGED,
                json(
                    "{\"device\":\"0c3301060002\",\"source\":\"COMPONENT\","
                        + point
                        + ",\"flags\":[\"FAULT\"],\"rawState\":5}")))
        .isEqualTo(Map.entry("0c3301060002/65562", true));
    assertThat(
            BoardRecords.componentState(
                BoardRecords.STATUS_CHANGED,
                json(
                    "{\"device\":\"0c3301060002\",\"source\":\"COMPONENT\","
                        + point
                        + ",\"flags\":[],\"rawState\":1}")))
        .isEqualTo(Map.entry("0c3301060002/65562", false));
    // a disabled point is not a fault of this kind
    assertThat(
            BoardRecords.componentState(
                BoardRecords.STATUS_CHANGED,
                json(
                    "{\"device\":\"0c3301060002\",\"source\":\"COMPONENT\","
                        + point
                        + ",\"flags\":[\"DISABLED\"],\"rawState\":9}")))
        .isEqualTo(Map.entry("0c3301060002/65562", false));
    assertThat(
            BoardRecords.componentState(
                BoardRecords.STATUS_CHANGED,
                json(
                    "{\"device\":\"0c3301060002\",\"source\":\"SYSTEM\",\"point\":{\"systemType\":1,"
                        + "\"systemAddress\":1},\"flags\":[\"FAULT\"],\"rawState\":5}")))
        .isNull();
  }

  @Test
  void expectedOpenFaultsAreTheLastStatesPlusUntouchedOpenOnes() {
    Set<String> atStart = Set.of("d/1", "d/2", "d/3");
    Map<String, Boolean> last = Map.of("d/2", false, "d/3", true, "d/4", true, "d/5", false);
    assertThat(BoardRecords.expectedOpen(atStart, last))
        .containsExactlyInAnyOrder("d/1", "d/3", "d/4");
    assertThat(BoardRecords.expectedOpen(Set.of(), Map.of())).isEmpty();
  }

  @Test
  void theBoardShowsAPointOnItsFloorOrUnlocated() {
    JsonNode board =
        json(
            """
            {"buildings":[{"name":"1号楼","floors":[
               {"floor":2,"label":"2F","points":[
                 {"device":"0c3301060001","point":{"systemType":1,"systemAddress":1,
                  "componentType":42,"componentAddress":65557},
                  "state":{"state":"FAULT","colour":"yellow","text":"故障","flags":["FAULT"]}}]},
               {"floor":1,"label":"1F","points":[
                 {"device":"0c3301060001","point":{"systemType":1,"systemAddress":1,
                  "componentType":42,"componentAddress":65547},
                  "state":{"state":"NORMAL","colour":"green","text":"正常","flags":[]}},
                 {"device":"0c3301060001","point":{"systemType":1,"systemAddress":1,
                  "componentType":23,"componentAddress":65548}}]}]}],
             "unlocated":[{"device":"0C3301060001","point":{"systemType":1,"systemAddress":1,
                  "componentType":0,"componentAddress":99},"state":{"state":"FAULT"}}]}
            """);
    assertThat(BoardRecords.boardState(board, "0c3301060001", 65557)).isEqualTo("FAULT");
    assertThat(BoardRecords.boardState(board, "0c3301060001", 65547)).isEqualTo("NORMAL");
    // a point without a report is shown normal
    assertThat(BoardRecords.boardState(board, "0c3301060001", 65548)).isEqualTo("NORMAL");
    assertThat(BoardRecords.boardState(board, "0c3301060001", 99)).isEqualTo("FAULT");
    assertThat(BoardRecords.boardState(board, "0c3301060001", 12345)).isNull();
    assertThat(BoardRecords.boardState(board, "0c3301060009", 65557)).isNull();
  }

  @Test
  void benchUnitsFollowTheSeedsAddressSchemeAndCarryValidCreditCodes() {
    assertThat(BenchUnits.unitId(7)).isEqualTo("U-330106-C0007");
    assertThat(BenchUnits.device(1004)).isEqualTo("0c3301061004");
    assertThat(BenchUnits.components()).hasSize(2 * BenchUnits.FLOORS).startsWith(65547L, 65548L);
    // the seed's own code for op-a unit 1 (deploy/local/seed/units.csv)
    assertThat(BenchUnits.creditCode("91330106MA2A00001")).isEqualTo("91330106MA2A00001C");
    assertThat(BenchUnits.unitRow(3).split(",", -1))
        .hasSize(BenchUnits.UNITS_HEADER.split(",").length);
    String fleet = BenchUnits.fleetCsv(1, 2);
    assertThat(fleet.lines().count()).isEqualTo(1 + 2 * 2 * BenchUnits.FLOORS);
    assertThat(BenchUnits.specs(1, 2)).hasSize(2);
    assertThat(BenchUnits.pointsCsv().lines().skip(1).map(l -> l.split(",")[0]).toList())
        .containsExactlyElementsOf(BenchUnits.components().stream().map(String::valueOf).toList());
  }

  @Test
  void lagFiguresCountTheUnseenAndTheSlowApart() {
    List<BoardProbe.Cycle> cycles =
        List.of(
            cycle(120_000, 200_000),
            cycle(150_000, -1),
            cycle(-1, BoardProbe.NOT_MEASURED),
            cycle(12_000_000, 400_000),
            cycle(25_000_000, 500_000));
    BoardLagStats.Figures fault = BoardLagStats.of(cycles, BoardProbe.Cycle::boardFault);
    assertThat(fault.unseen()).isEqualTo(1);
    assertThat(fault.micros().getTotalCount()).isEqualTo(4);
    assertThat(fault.over10s()).isEqualTo(2);
    assertThat(fault.over20s()).isEqualTo(1);
    assertThat(fault.micros().getValueAtPercentile(50)).isBetween(149_000L, 151_000L);
    assertThat(fault.micros().getMaxValue()).isBetween(24_900_000L, 25_100_000L);
    BoardLagStats.Figures normal = BoardLagStats.of(cycles, BoardProbe.Cycle::boardNormal);
    // the recovery of a fault never seen is neither a sample nor unseen
    assertThat(normal.unseen()).isEqualTo(1);
    assertThat(normal.micros().getTotalCount()).isEqualTo(3);
    assertThat(normal.over10s()).isZero();
  }

  static BoardProbe.Cycle cycle(long fault, long normal) {
    return new BoardProbe.Cycle(java.time.Instant.EPOCH, "d", 1, fault, normal, -1, -1);
  }
}
