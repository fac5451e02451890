package io.fenghuo.contracts.event;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fenghuo.contracts.kafka.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The published schemas and examples of every event type, as tests read them. */
public final class ContractFixtures {

  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaIdResolvers(
                  ids ->
                      ids.mapPrefix(
                          "https://fenghuo.io/contracts/schemas/", "classpath:schemas/")));

  private ContractFixtures() {}

  /** The JSON Schema of a type's data. */
  public static Schema schemaOf(EventType type) {
    return SCHEMAS.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()));
  }

  /** Validation errors of a JSON document against a type's schema; empty when valid. */
  public static List<Error> validate(EventType type, JsonNode json) {
    return schemaOf(type).validate(json);
  }

  /** The published example data of a type. */
  public static JsonNode exampleOf(EventType type) {
    String resource = "schemas/examples/" + type.wireName() + ".json";
    try (InputStream in = ContractFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no example " + resource);
      }
      return EventJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The example of a type as its record. */
  public static FenghuoEvent exampleEventOf(EventType type) {
    return EventJson.mapper().treeToValue(exampleOf(type), type.recordClass());
  }
}
