package io.fenghuo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

class DatabaseNamingTest {

  @Test
  void derivesSnakeCaseNamesFromTestClasses() {
    assertThat(InfrastructureExtension.databaseNameFor(AlarmRepositoryIT.class))
        .isEqualTo("alarm_repository_it");
    assertThat(InfrastructureExtension.databaseNameFor(HTTPApiTest.class))
        .isEqualTo("http_api_test");
    assertThat(InfrastructureExtension.databaseNameFor(AlarmRepositoryIT.Inner.class))
        .isEqualTo("alarm_repository_it");
  }

  @Test
  void derivedNamesAreAcceptedByPostgres() {
    assertThatNoException()
        .isThrownBy(
            () ->
                Postgres.requireValidName(
                    InfrastructureExtension.databaseNameFor(AlarmRepositoryIT.class)));
  }

  @Test
  void cutsLongNamesToPostgresLimit() {
    assertThat(
            InfrastructureExtension.databaseNameFor(
                AVeryLongTestClassNameThatKeepsGoingWellPastTheSixtyThreeCharacterLimitOfPostgresIT
                    .class))
        .hasSize(63);
  }

  static class AlarmRepositoryIT {
    class Inner {}
  }

  static class HTTPApiTest {}

  static
  class AVeryLongTestClassNameThatKeepsGoingWellPastTheSixtyThreeCharacterLimitOfPostgresIT {}
}
