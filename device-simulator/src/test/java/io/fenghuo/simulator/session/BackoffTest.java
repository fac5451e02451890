package io.fenghuo.simulator.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
  private final SplittableRandom rnd = new SplittableRandom(7);

  @Test
  void doublesTheStepAndWaitsBetweenHalfAndAllOfIt() {
    for (int attempt = 0; attempt < 6; attempt++) {
      Duration step = Duration.ofSeconds(1L << attempt);
      for (int i = 0; i < 100; i++) {
        assertThat(backoff.delay(attempt, rnd)).isBetween(step.dividedBy(2), step);
      }
    }
  }

  @Test
  void capsTheDelayAtTheMaximumEvenAfterManyAttempts() {
    assertThat(backoff.delay(10, rnd)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    assertThat(backoff.delay(1000, rnd)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
  }

  @Test
  void spreadsAFleetsReconnectsInsteadOfSynchronisingThem() {
    Set<Duration> delays = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      delays.add(backoff.delay(3, rnd));
    }
    assertThat(delays).hasSizeGreaterThan(90);
  }

  @Test
  void rejectsAnInvertedRange() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dutyCheckMissRateOneNeverAnswers() {
    DutyCheckBehaviour nobody = new DutyCheckBehaviour(Duration.ZERO, Duration.ofSeconds(1), 1, 1);
    for (int i = 0; i < 100; i++) {
      assertThat(nobody.draw(rnd)).isNull();
    }
    DutyCheckBehaviour always =
        new DutyCheckBehaviour(Duration.ofSeconds(5), Duration.ofSeconds(30), 0, 1);
    assertThat(always.draw(rnd)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(30));
  }
}
