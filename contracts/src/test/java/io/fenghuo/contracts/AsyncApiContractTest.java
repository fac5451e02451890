package io.fenghuo.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicName;
import io.fenghuo.contracts.topic.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code asyncapi.yaml} and the code describe the same bus. */
class AsyncApiContractTest {

  private static JsonNode doc;

  @BeforeAll
  static void read() throws Exception {
    doc = new YAMLMapper().readTree(Files.readString(Path.of("asyncapi.yaml")));
  }

  @Test
  void isAnAsyncApi3Document() {
    assertThat(doc.get("asyncapi").asString()).startsWith("3.");
  }

  @Test
  void everyChannelIsATopicThatTopicNamesBuilds() {
    for (var channel : doc.get("channels").properties()) {
      String address = channel.getValue().get("address").asString();
      String concrete = address.replace("{operatorId}", "op-a");

      TopicName topic = TopicNames.parseRequired(concrete);

      assertThat(topic.toString()).as(channel.getKey()).isEqualTo(concrete);
      assertThat(topic.deadLetter()).isFalse();
      if (address.contains("{operatorId}")) {
        assertThat(topic).isEqualTo(TopicNames.of(OperatorId.of("op-a"), topic.stream()));
      }
    }
  }

  @Test
  void everyEventTypeIsAMessageOfTheChannelOfItsStream() {
    Map<Stream, Set<String>> messagesByStream = new HashMap<>();
    for (var channel : doc.get("channels").properties()) {
      Stream stream =
          TopicNames.parseRequired(
              channel.getValue().get("address").asString().replace("{operatorId}", "op-a"))
              .stream();
      for (var message : channel.getValue().get("messages").properties()) {
        String ref = message.getValue().get("$ref").asString();
        JsonNode resolved = doc.at(ref.substring(1));
        messagesByStream
            .computeIfAbsent(stream, s -> new HashSet<>())
            .add(resolved.get("name").asString());
      }
    }

    for (EventType type : EventType.values()) {
      assertThat(messagesByStream.getOrDefault(type.stream(), Set.of()))
          .as("channel of %s lists %s", type.stream(), type.wireName())
          .contains(type.wireName());
    }
    assertThat(messagesByStream.values().stream().mapToInt(Set::size).sum())
        .as("no message without an event type")
        .isEqualTo(EventType.values().length);
  }

  @Test
  void everyMessagePointsAtItsTypesSchemaAndDeclaresKeyAndHeaders() {
    for (var message : doc.get("components").get("messages").properties()) {
      JsonNode m = message.getValue();
      EventType type = EventType.fromWireName(m.get("name").asString()).orElseThrow();

      assertThat(m.get("payload").get("$ref").asString())
          .isEqualTo("src/main/resources/" + type.schemaResource());
      assertThat(Path.of(m.get("payload").get("$ref").asString())).exists();
      assertThat(m.at("/bindings/kafka/key/$ref").asString()).startsWith("#/components/schemas/");
      assertThat(m.at("/headers/$ref").asString())
          .isEqualTo("#/components/schemas/cloudEventHeaders");
    }
  }
}
