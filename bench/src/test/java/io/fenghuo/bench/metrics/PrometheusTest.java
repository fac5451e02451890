package io.fenghuo.bench.metrics;

import static io.fenghuo.bench.metrics.Prometheus.label;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

public class PrometheusTest {

  public static final String SCRAPE =
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
  void labelPredicatesMatchExactValuesAndCombine() {
    Prometheus p = Prometheus.parse(SCRAPE);
    assertThat(p.sum("fenghuo_gateway_frames_total", label("outcome", "confirmed")))
        .isEqualTo(1257.0);
    assertThat(
            p.sum(
                "fenghuo_gateway_frames_total",
                label("outcome", "confirmed").and(label("type", "2"))))
        .isEqualTo(7.0);
    // "2" must not match "21" (a substring match on the label text would)
    assertThat(p.sum("fenghuo_gateway_frames_total", label("type", "2"))).isEqualTo(7.0);
  }

  @Test
  void readsSamplesWithATimestampAndSkipsUnreadableValues() {
    Prometheus p = Prometheus.parse("a_total{x=\"1\"} 5.0 1700000000000\nb_total oops\n");
    assertThat(p.sum("a_total", label("x", "1"))).isEqualTo(5.0);
    assertThat(p.samples("b_total")).isEmpty();
  }
}
