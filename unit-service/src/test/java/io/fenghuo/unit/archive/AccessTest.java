package io.fenghuo.unit.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import org.junit.jupiter.api.Test;

class AccessTest {

  private static final OperatorId OP_A = OperatorId.of("op-a");
  private static final OperatorId OP_B = OperatorId.of("op-b");
  private static final UnitId UNIT = UnitId.of("U-1");

  @Test
  void anOperatorSeesOnlyItsOwnUnits() {
    assertThat(Access.operator(OP_A).sees(OP_A, UNIT)).isTrue();
    assertThat(Access.operator(OP_A).sees(OP_B, UNIT)).isFalse();
  }

  @Test
  void aUnitManagerSeesOnlyItsUnitAndChangesNothing() {
    Access access = Access.unitManager(UNIT);

    assertThat(access.sees(OP_A, UNIT)).isTrue();
    assertThat(access.sees(OP_A, UnitId.of("U-2"))).isFalse();
    assertThat(access.writes()).isFalse();
  }

  @Test
  void supervisionReadsEveryUnitAndChangesNone() {
    assertThat(Access.supervision().sees(OP_B, UNIT)).isTrue();
    assertThat(Access.supervision().writes()).isFalse();
  }

  @Test
  void noAccessSeesNothing() {
    assertThat(Access.none().sees(OP_A, UNIT)).isFalse();
  }
}
