package io.fenghuo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

class SpringTestPropertiesIT {

  private final Map<String, Supplier<Object>> registered = new LinkedHashMap<>();
  private final DynamicPropertyRegistry registry = registered::put;

  @Test
  void registersTheSpringBootConnectionPropertiesOfTheSharedInfrastructure() {
    SpringTestProperties.kafka(registry);
    SpringTestProperties.postgres(registry, "spring_test_properties_it");
    SpringTestProperties.redis(registry);

    PostgresDatabase database = TestInfrastructure.postgres().database("spring_test_properties_it");
    assertThat(value("spring.kafka.bootstrap-servers"))
        .isEqualTo(TestInfrastructure.kafka().bootstrapServers());
    assertThat(value("spring.datasource.url")).isEqualTo(database.jdbcUrl());
    assertThat(value("spring.datasource.username")).isEqualTo("postgres");
    assertThat(value("spring.datasource.password")).isEqualTo("");
    assertThat(value("spring.data.redis.host")).isEqualTo("127.0.0.1");
    assertThat(value("spring.data.redis.port")).isEqualTo(TestInfrastructure.redis().port());
  }

  @Test
  void refusesAnInvalidDatabaseNameBeforeSpringReadsAnyValue() {
    assertThatThrownBy(() -> SpringTestProperties.postgres(registry, "Not-Valid"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(registered).isEmpty();
  }

  private Object value(String name) {
    assertThat(registered).containsKey(name);
    return registered.get(name).get();
  }
}
