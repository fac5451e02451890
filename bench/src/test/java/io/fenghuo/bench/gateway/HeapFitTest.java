package io.fenghuo.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeapFitTest {

  @Test
  void recoversSlopeAndInterceptOfPointsOnALine() {
    HeapFit fit =
        HeapFit.of(
            List.of(
                new HeapFit.Point(0, 40e6),
                new HeapFit.Point(5000, 40e6 + 5000 * 6000),
                new HeapFit.Point(10000, 40e6 + 10000 * 6000)));

    assertThat(fit.bytesPerConnection()).isCloseTo(6000, within(1e-6));
    assertThat(fit.interceptBytes()).isCloseTo(40e6, within(1e-3));
    assertThat(fit.r2()).isCloseTo(1, within(1e-12));
    assertThat(fit.connectionsAt(40e6 + 60e6)).isCloseTo(10000, within(1e-6));
  }

  @Test
  void scatteredPointsLowerTheFitQuality() {
    HeapFit fit =
        HeapFit.of(
            List.of(
                new HeapFit.Point(0, 100),
                new HeapFit.Point(1, 300),
                new HeapFit.Point(2, 200),
                new HeapFit.Point(3, 400)));

    assertThat(fit.bytesPerConnection()).isCloseTo(80, within(1e-9));
    assertThat(fit.interceptBytes()).isCloseTo(130, within(1e-9));
    assertThat(fit.r2()).isLessThan(0.9).isGreaterThan(0.5);
  }

  @Test
  void refusesASingleConnectionCount() {
    assertThatThrownBy(() -> HeapFit.of(List.of(new HeapFit.Point(5, 1), new HeapFit.Point(5, 2))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
