package io.fenghuo.contracts.event;

import static io.fenghuo.contracts.event.ContractFixtures.exampleEventOf;
import static io.fenghuo.contracts.event.ContractFixtures.exampleOf;
import static io.fenghuo.contracts.event.ContractFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.kafka.EventJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every event type has a schema and an example, and the Java record agrees with both. */
class EventContractTest {

  @ParameterizedTest
  @EnumSource(EventType.class)
  void exampleValidatesAgainstItsSchema(EventType type) {
    assertThat(validate(type, exampleOf(type))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void recordWritesExactlyTheExample(EventType type) {
    FenghuoEvent event = exampleEventOf(type);

    JsonNode written = EventJson.mapper().readTree(EventJson.mapper().writeValueAsBytes(event));

    assertThat(event).isInstanceOf(type.recordClass());
    assertThat(EventType.of(event)).isEqualTo(type);
    assertThat(written).isEqualTo(exampleOf(type));
    assertThat(validate(type, written)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void schemaRejectsAnUnknownProperty(EventType type) {
    ObjectNode bad = (ObjectNode) exampleOf(type).deepCopy();
    bad.put("humanInitiatedTypo", true);

    assertThat(validate(type, bad)).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void schemaRejectsAMissingRequiredProperty(EventType type) {
    ObjectNode bad = (ObjectNode) exampleOf(type).deepCopy();
    String firstRequired =
        ContractFixtures.schemaOf(type).getSchemaNode().get("required").get(0).asString();
    bad.remove(firstRequired);

    assertThat(validate(type, bad)).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void wireNamesAreVersionedPastTenseFacts(EventType type) {
    assertThat(type.wireName()).matches("fenghuo\\.[a-z0-9]+\\.[a-z-]+\\.v[0-9]+");
    assertThat(EventType.fromWireName(type.wireName())).contains(type);
  }
}
