package io.fenghuo.testkit;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.kafka.EventJson;
import java.util.List;

/** Validates produced event data against the published JSON Schemas of {@code contracts}. */
public final class Schemas {

  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaIdResolvers(
                  ids ->
                      ids.mapPrefix(
                          "https://fenghuo.io/contracts/schemas/", "classpath:schemas/")));

  private Schemas() {}

  /** The schema errors of an event as it is written on the wire; empty when valid. */
  public static List<Error> errors(EventType type, Object event) {
    return SCHEMAS
        .getSchema(SchemaLocation.of("classpath:" + type.schemaResource()))
        .validate(EventJson.mapper().readTree(EventJson.mapper().writeValueAsBytes(event)));
  }
}
