package io.fenghuo.bench.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.bench.metrics.Prometheus;
import io.fenghuo.bench.metrics.PrometheusTest;
import org.junit.jupiter.api.Test;

class GatewayCountersTest {

  @Test
  void gatewayCountersTakeTheStatusTypesAndAcknowledgedOutcomes() {
    GatewayCounters c = GatewayCounters.of(Prometheus.parse(PrometheusTest.SCRAPE));
    assertThat(c.statusFrames()).isEqualTo(2303.0);
    assertThat(c.statusAcknowledged()).isEqualTo(2300.0);
    assertThat(c.deferred()).isEqualTo(3.0);
    assertThat(c.rateLimited()).isEqualTo(2.0);
    assertThat(c.connections()).isEqualTo(1018.0);
  }
}
