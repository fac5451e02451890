package io.fenghuo.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@RealKafka
@RealPostgres
@RealRedis
class InfrastructureExtensionIT {

  @Test
  void injectsTheJvmWideInstances(KafkaBroker kafka, Postgres postgres, Redis redis) {
    assertThat(kafka).isSameAs(TestInfrastructure.kafka());
    assertThat(postgres).isSameAs(TestInfrastructure.postgres());
    assertThat(redis).isSameAs(TestInfrastructure.redis());
  }

  @Test
  void namesTheInjectedDatabaseAfterTheTestClass(PostgresDatabase database) {
    assertThat(database.name()).isEqualTo("infrastructure_extension_it");
  }

  @Nested
  class NestedClass {

    @Test
    void sharesTheDatabaseOfItsOutermostClass(PostgresDatabase database) {
      assertThat(database.name()).isEqualTo("infrastructure_extension_it");
    }
  }

  @Nested
  @RealPostgres(database = "explicitly_named")
  class NamingItsOwnDatabase {

    @Test
    void getsTheDatabaseNamedInTheAnnotation(PostgresDatabase database) {
      assertThat(database.name()).isEqualTo("explicitly_named");
    }
  }
}
