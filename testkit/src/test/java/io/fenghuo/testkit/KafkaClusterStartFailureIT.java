package io.fenghuo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaClusterStartFailureIT {

  @Test
  void failsWithTheEndOfTheBrokerLogAndLeavesNothingRunning() {
    KafkaCluster cluster =
        KafkaCluster.builder().brokerProperty("num.io.threads", "not-a-number").build();

    assertThatThrownBy(cluster::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("broker.log")
        .hasMessageContaining("not-a-number");

    assertThat(cluster.nodeIds()).noneMatch(cluster::isRunning);
    assertThatThrownBy(cluster::bootstrapServers).isInstanceOf(IllegalStateException.class);
  }
}
