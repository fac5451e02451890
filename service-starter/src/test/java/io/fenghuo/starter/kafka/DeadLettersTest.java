package io.fenghuo.starter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLettersTest {

  @Test
  void deadLetterTopicStaysInTheTenantsNamespace() {
    assertThat(DeadLetters.deadLetterTopicOf("fire.op.op-a.signal.alarm"))
        .isEqualTo("fire.op.op-a.signal.alarm.dlt");
    assertThat(DeadLetters.deadLetterTopicOf("fire.119.receipt")).isEqualTo("fire.119.receipt.dlt");
  }

  @Test
  void aDeadLetterOfADeadLetterDoesNotGrowTheName() {
    assertThat(DeadLetters.deadLetterTopicOf("fire.op.op-a.alarm.dlt"))
        .isEqualTo("fire.op.op-a.alarm.dlt");
  }

  @Test
  void foreignTopicsGetTheSuffix() {
    assertThat(DeadLetters.deadLetterTopicOf("legacy")).isEqualTo("legacy.dlt");
  }
}
