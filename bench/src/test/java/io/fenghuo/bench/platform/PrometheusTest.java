package io.fenghuo.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTest {

  static final String SCRAPE =
      """
      # HELP fenghuo_gateway_frames_total frames
      # TYPE fenghuo_gateway_frames_total counter
      fenghuo_gateway_frames_total{outcome="confirmed",type="1"} 1200.0
      fenghuo_gateway_frames_total{outcome="coalesced",type="21"} 1100.0
      fenghuo_gateway_frames_total{outcome="deferred",type="1"} 3.0
      fenghuo_gateway_frames_total{outcome="confirmed",type="2"} 7.0
      fenghuo_gateway_frames_total{outcome="confirmed",type="empty"} 50.0
      fenghuo_gateway_protection_total{limit="frame_rate"} 2.0
      fenghuo_gateway_connections 1018.0
      weird_metric{a="x \\"quoted\\" y"} NaN
      """;

  @Test
  void sumsSamplesByNameAndLabels() {
    Prometheus p = Prometheus.parse(SCRAPE);
    assertThat(p.sum("fenghuo_gateway_frames_total")).isEqualTo(2360.0);
    assertThat(p.sum("fenghuo_gateway_frames_total", l -> "1".equals(l.get("type"))))
        .isEqualTo(1203.0);
    assertThat(p.sum("fenghuo_gateway_connections")).isEqualTo(1018.0);
    assertThat(p.sum("absent")).isZero();
    assertThat(p.samples("weird_metric").get(0).labels()).containsEntry("a", "x \"quoted\" y");
  }

  @Test
  void gatewayCountersTakeTheStatusTypesAndAcknowledgedOutcomes() {
    GatewayCounters c = GatewayCounters.of(Prometheus.parse(SCRAPE));
    assertThat(c.statusFrames()).isEqualTo(2303.0);
    assertThat(c.statusAcknowledged()).isEqualTo(2300.0);
    assertThat(c.deferred()).isEqualTo(3.0);
    assertThat(c.rateLimited()).isEqualTo(2.0);
    assertThat(c.connections()).isEqualTo(1018.0);
  }
}
