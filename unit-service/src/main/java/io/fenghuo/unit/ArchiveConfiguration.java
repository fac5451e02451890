package io.fenghuo.unit;

import io.fenghuo.unit.archive.ArchiveChanges;
import io.fenghuo.unit.archive.InputRules;
import io.fenghuo.unit.archive.Transactions;
import io.fenghuo.unit.archive.UnitArchive;
import io.fenghuo.unit.archive.Units;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** Wires the plain-Java archive to its adapters. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class ArchiveConfiguration {

  @Bean
  UnitArchive unitArchive(
      Units units, ArchiveChanges changes, Transactions transactions, Validator validator) {
    return new UnitArchive(units, changes, transactions, new InputRules(validator));
  }

  @Bean
  OpenAPI unitServiceApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Fenghuo unit-service")
                .version("v1")
                .description(
                    "The networked units' electronic archive (GB 25506 app. B, GB/T 26875.4):"
                        + " units, buildings, key parts, UITDs, facility systems and points."
                        + " Bearer JWT with the claims of ADR 0002; errors are RFC 9457 problem"
                        + " details."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
