package io.fenghuo.testkit;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The parts of the contract that need no running broker. */
class KafkaClusterContractTest {

  @Test
  void refusesOverridesOfTheTopology() {
    assertThatThrownBy(() -> KafkaCluster.builder().brokerProperty("node.id", "7"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> KafkaCluster.builder().brokerProperty("listeners", "PLAINTEXT://:9092"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesNonsensicalSettings() {
    assertThatThrownBy(() -> KafkaCluster.builder().maxHeap("lots"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KafkaCluster.builder().startupTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void answersNothingBeforeItIsStarted() {
    KafkaCluster cluster = new KafkaCluster();

    assertThatThrownBy(cluster::bootstrapServers).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cluster.kill(1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cluster.pid(1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cluster.restart(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void canBeClosedWithoutHavingBeenStarted() {
    KafkaCluster cluster = new KafkaCluster();

    assertThatNoException().isThrownBy(cluster::close);
    assertThatThrownBy(cluster::start).isInstanceOf(IllegalStateException.class);
  }
}
