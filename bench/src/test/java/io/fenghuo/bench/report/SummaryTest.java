package io.fenghuo.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summary built from a fixed copy of result files (the first full runs, without codec), so that
 * a new measurement in {@code bench/results} never changes what this test expects.
 */
class SummaryTest {

  static final Path COMMITTED = Path.of("src/test/resources/summary-fixture");
  static final Instant NOW = Instant.parse("2026-11-28T21:00:00Z");

  static Summary.Row row(Summary s, String scenario, String figureStart) {
    return s.rows().stream()
        .filter(r -> r.scenario().equals(scenario) && r.figure().startsWith(figureStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + scenario + " / " + figureStart));
  }

  @Test
  void headlineFiguresOfTheCommittedResults() {
    Summary s = Summary.build(COMMITTED, Map.of(), NOW);

    Summary.Row ingest = row(s, "ingest", "gateway confirmed frames/s");
    assertThat(ingest.measured()).isEqualTo("786 frames/s vs. 85,409 records/s: ratio 0.009");
    assertThat(row(s, "ingest", "confirm latency at saturation").measured())
        .isEqualTo("p50 112 ms, p99 1.46 s");

    assertThat(row(s, "connections", "most concurrent").measured()).isEqualTo("19,942");
    assertThat(row(s, "connections", "heap per connection").measured())
        .startsWith("6,156 B (R² 0.98)");

    Summary.Row idle = row(s, "fire-latency", "fire frame → console live stream, idle");
    assertThat(idle.measured())
        .isEqualTo("p50 32.7 ms, p99 59.2 ms (40 fires, 100 % seen, 0 over 20 s)");
    assertThat(idle.limit()).isEqualTo("20 s");
    assertThat(idle.withinLimit()).isTrue();
    assertThat(row(s, "fire-latency", "fire frame → console live stream, status storm").measured())
        .startsWith("p50 679 ms, p99 4.61 s");
    assertThat(row(s, "fire-latency", "storm / idle").measured()).isEqualTo("p50 20.8×, p99 77.8×");
    assertThat(row(s, "fire-latency", "storm rate reached").measured())
        .isEqualTo(
            "32,433 status frames/s received, 12,220/s acknowledged, 6,776 records/s to Kafka");

    Summary.Row confirm = row(s, "confirm-119", "operator confirms");
    assertThat(confirm.measured()).startsWith("p50 46.6 ms, p99 176 ms (150 confirmations");
    assertThat(confirm.limit()).isEqualTo("3 s");
    assertThat(confirm.withinLimit()).isTrue();

    assertThat(row(s, "reconnect", "gateway kill -9").measured())
        .isEqualTo("31.7 s (the restarted gateway answered after 16.7 s)");
    Summary.Row down = row(s, "reconnect", "… of which fires sent while the gateway was down");
    assertThat(down.measured())
        .isEqualTo("p50 18.51 s, p99 24.38 s (9 fires, 100 % seen, 4 over 20 s)");
    assertThat(down.withinLimit()).isFalse();
  }

  @Test
  void sourcesRecordDatesAndMissingResults() {
    Summary s = Summary.build(COMMITTED, Map.of(), NOW);
    assertThat(s.sources()).extracting(Summary.Source::scenario).isEqualTo(Summary.SCENARIOS);
    Summary.Source fire =
        s.sources().stream().filter(x -> x.scenario().equals("fire-latency")).findFirst().get();
    assertThat(fire.status()).isEqualTo("measured");
    assertThat(fire.started()).isEqualTo("2026-11-28T20:08:46.687693897Z");
    assertThat(fire.machine()).containsKey("cores");
    assertThat(s.sources().get(0).status()).isEqualTo("missing");
  }

  @Test
  void markdownAndJsonCarryTheLimitsAndAFailedScenario(@TempDir Path out) throws Exception {
    Summary s =
        Summary.build(COMMITTED, Map.of("reconnect", "failed (exit 1)", "codec", "skipped"), NOW);
    Path md = s.write(out);
    String text = Files.readString(md);
    assertThat(text)
        .contains("**20 s** device → monitoring centre, **3 s** centre → 119")
        .contains("| 20 s: **exceeded** |")
        .contains("| 3 s: kept |")
        .contains("failed (exit 1); figures of the earlier result 2026-11-28T20:12:49")
        .contains("skipped; no result file")
        .contains("2 cores");
    JsonNode json =
        JsonMapper.builder().build().readTree(Files.readString(out.resolve("summary.json")));
    assertThat(json.path("limits").path("deviceToCentreMillis").asDouble()).isEqualTo(20000.0);
    assertThat(json.path("rows").size()).isEqualTo(s.rows().size());
    assertThat(json.path("rows").get(0).path("scenario").asString()).isEqualTo("ingest");
  }

  @Test
  void aFireOverTheLimitOrUnseenBreaksIt(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("confirm-119.json"),
        """
        {"scenario":"confirm-119","started":"2026-01-01T00:00:00Z","seconds":1,
         "metrics":{"confirm-to-incident.p50":{"value":900,"unit":"ms"},
                    "confirm-to-incident.p99":{"value":3100,"unit":"ms"},
                    "confirm-to-incident.count":{"value":10,"unit":""},
                    "over-3s":{"value":1,"unit":""},"missed":{"value":0,"unit":""}}}
        """);
    Files.writeString(
        dir.resolve("fire-latency.json"),
        """
        {"scenario":"fire-latency","started":"2026-01-01T00:00:00Z","seconds":1,
         "metrics":{"idle.p50":{"value":10,"unit":"ms"},"idle.p99":{"value":20,"unit":"ms"},
                    "idle.count":{"value":10,"unit":""},"idle.seen":{"value":90,"unit":"%"},
                    "idle.over-20s":{"value":0,"unit":""}}}
        """);
    Summary s = Summary.build(dir, Map.of(), NOW);
    assertThat(row(s, "confirm-119", "operator confirms").withinLimit()).isFalse();
    assertThat(row(s, "fire-latency", "fire frame → console live stream, idle").withinLimit())
        .isFalse();
    // storm metrics absent: no verdict rather than a wrong one
    assertThat(
            row(s, "fire-latency", "fire frame → console live stream, status storm").withinLimit())
        .isNull();
    assertThat(s.sources())
        .filteredOn(
            x -> List.of("codec", "ingest", "connections", "reconnect").contains(x.scenario()))
        .extracting(Summary.Source::status)
        .containsOnly("missing");
  }

  @Test
  void boardLagHasOneRowWithoutALimitAndSaysWhetherTheBoardWasCurrent(@TempDir Path dir)
      throws Exception {
    String metrics =
        """
        "board.fault.p50":{"value":109,"unit":"ms"},"board.fault.p99":{"value":1305,"unit":"ms"},
        "board.fault.max":{"value":2500,"unit":"ms"},"board.fault.count":{"value":200,"unit":""},
        "board.fault.unseen":{"value":1,"unit":""},
        "board.normal.p50":{"value":111,"unit":"ms"},"board.normal.p99":{"value":181,"unit":"ms"},
        "board.normal.max":{"value":190,"unit":"ms"},"board.normal.unseen":{"value":2,"unit":""},
        "background.offered-faults-per-second":{"value":3.3333333,"unit":"faults/s"},
        "end.probe-points-not-normal":{"value":0,"unit":""},
        """;
    Files.writeString(
        dir.resolve("board-lag.json"),
        "{\"scenario\":\"board-lag\",\"started\":\"2026-01-01T00:00:00Z\",\"seconds\":1,"
            + "\"metrics\":{"
            + metrics
            + "\"end.mismatched\":{\"value\":0,\"unit\":\"\"}}}");
    Summary.Row row =
        row(Summary.build(dir, Map.of(), NOW), "board-lag", "fault frame → status board");
    assertThat(row.figure()).contains("12,000 background faults/h").contains("no GB 50440 limit");
    assertThat(row.measured())
        .isEqualTo(
            "fault p50 109 ms, p99 1.31 s, max 2.50 s; recovery p50 111 ms, p99 181 ms, max 190"
                + " ms (200 cycles, 3 never seen; current at the end)");
    assertThat(row.limit()).isEmpty();
    assertThat(row.withinLimit()).isNull();

    Files.writeString(
        dir.resolve("board-lag.json"),
        "{\"scenario\":\"board-lag\",\"started\":\"2026-01-01T00:00:00Z\",\"seconds\":1,"
            + "\"metrics\":{"
            + metrics
            + "\"end.mismatched\":{\"value\":4,\"unit\":\"\"}}}");
    assertThat(
            row(Summary.build(dir, Map.of(), NOW), "board-lag", "fault frame → status board")
                .measured())
        .endsWith("3 never seen; **not current at the end**)");
  }
}
