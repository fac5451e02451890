package io.fenghuo.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.contracts.id.OperatorId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicNamesTest {

  private static final OperatorId OP_A = OperatorId.of("op-a");

  @Test
  void operatorTopicsAreTenantFirst() {
    assertThat(TopicNames.of(OP_A, Stream.SIGNAL_ALARM)).hasToString("fire.op.op-a.signal.alarm");
    assertThat(TopicNames.of(OP_A, Stream.DEVICE_COMMAND_RESULT))
        .hasToString("fire.op.op-a.device.command-result");
    assertThat(TopicNames.operatorPrefix(OP_A)).isEqualTo("fire.op.op-a.");
  }

  @Test
  void boundaryAndRegionTopicsCarryNoOperator() {
    assertThat(TopicNames.of(Stream.INCIDENT)).hasToString("fire.119.incident");
    assertThat(TopicNames.of(Stream.RECEIPT)).hasToString("fire.119.receipt");
    assertThat(TopicNames.of(Stream.NOTICE)).hasToString("fire.region.notice");
  }

  @Test
  void refusesToMixScopes() {
    assertThatThrownBy(() -> TopicNames.of(Stream.SIGNAL_ALARM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs an operator id");
    assertThatThrownBy(() -> TopicNames.of(OP_A, Stream.INCIDENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not take an operator id");
  }

  @ParameterizedTest
  @EnumSource(Stream.class)
  void everyTopicParsesBackToItself(Stream stream) {
    TopicName topic =
        stream.scope() == Scope.OPERATOR ? TopicNames.of(OP_A, stream) : TopicNames.of(stream);

    assertThat(TopicNames.parse(topic.toString())).contains(topic);
    assertThat(TopicNames.parse(topic.deadLetterTopic().toString()))
        .contains(topic.deadLetterTopic());
  }

  @Test
  void deadLetterTopicStaysInsideTheTenantNamespace() {
    TopicName dlt = TopicNames.of(OP_A, Stream.SIGNAL_STATUS).deadLetterTopic();

    assertThat(dlt).hasToString("fire.op.op-a.signal.status.dlt");
    assertThat(dlt.toString()).startsWith(TopicNames.operatorPrefix(OP_A));
    assertThat(dlt.deadLetterTopic()).isEqualTo(dlt);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "orders",
        "fire.op.alarm",
        "fire.op.OP-A.signal.alarm",
        "fire.op.op-a.signal.unknown",
        "fire.op.op-a.incident",
        "fire.119.signal.alarm",
        "fire.region.notice.extra",
        "fire.op.-a.signal.alarm"
      })
  void parseRejectsWhatIsNotAFenghuoTopic(String name) {
    assertThat(TopicNames.parse(name)).isEmpty();
    assertThatThrownBy(() -> TopicNames.parseRequired(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a Fenghuo topic");
  }

  @Test
  void allOperatorsPatternMatchesEveryTenantButNotOtherStreamsOrDeadLetters() {
    var pattern = TopicNames.allOperators(Stream.SIGNAL_ALARM);

    assertThat(pattern.matcher("fire.op.op-a.signal.alarm").matches()).isTrue();
    assertThat(pattern.matcher("fire.op.zhejiang-119-ops.signal.alarm").matches()).isTrue();
    assertThat(pattern.matcher("fire.op.op-a.signal.alarm.dlt").matches()).isFalse();
    assertThat(pattern.matcher("fire.op.op-a.signal.status").matches()).isFalse();
    assertThat(pattern.matcher("fire.op.op-a.signalxalarm").matches()).isFalse();
    assertThatThrownBy(() -> TopicNames.allOperators(Stream.INCIDENT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void streamNamesAreUniquePerScope() {
    assertThat(Arrays.stream(Stream.values()).map(s -> s.scope() + "/" + s.streamName()))
        .doesNotHaveDuplicates();
  }
}
