package io.fenghuo.starter.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Stream;
import org.junit.jupiter.api.Test;

class TenantScopeTest {

  private static final OperatorId OP_A = OperatorId.of("op-a");

  @Test
  void allOperatorsSubscribesToEveryTenantsTopic() {
    TenantScope scope = TenantScope.allOperators("alarm-service");

    var pattern = scope.subscription(Stream.SIGNAL_ALARM);

    assertThat(pattern.matcher("fire.op.op-a.signal.alarm").matches()).isTrue();
    assertThat(pattern.matcher("fire.op.op-b.signal.alarm").matches()).isTrue();
    assertThat(scope.groupId("signals")).isEqualTo("fenghuo.alarm-service.signals");
    assertThat(scope.operatorOf("fire.op.op-b.signal.alarm")).isEqualTo(OperatorId.of("op-b"));
  }

  @Test
  void singleOperatorSubscribesOnlyToItsOwnTopicAndGroupsUnderItsPrefix() {
    TenantScope scope = TenantScope.singleOperator(OP_A, "alarm-service");

    var pattern = scope.subscription(Stream.SIGNAL_ALARM);

    assertThat(pattern.matcher("fire.op.op-a.signal.alarm").matches()).isTrue();
    assertThat(pattern.matcher("fire.op.op-b.signal.alarm").matches()).isFalse();
    assertThat(pattern.matcher("fireXopXop-aXsignalXalarm").matches()).isFalse();
    assertThat(scope.groupId("signals")).isEqualTo("fire.op.op-a.alarm-service.signals");
  }

  @Test
  void refusesARecordOfAnotherTenant() {
    TenantScope scope = TenantScope.singleOperator(OP_A, "alarm-service");

    assertThatThrownBy(() -> scope.operatorOf("fire.op.op-b.alarm"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("belongs to operator op-b");
    assertThatThrownBy(() -> scope.operatorOf("fire.119.incident"))
        .hasMessageContaining("is not an operator topic");
  }

  @Test
  void topicPatternNamesTheStreamForAnnotations() {
    assertThat(TenantScope.singleOperator(OP_A, "x").topicPattern("ALARM"))
        .isEqualTo("\\Qfire.op.op-a.alarm\\E");
  }
}
