package io.fenghuo.inspection;

import io.fenghuo.inspection.inspection.Board;
import io.fenghuo.inspection.inspection.Faults;
import io.fenghuo.inspection.inspection.InspectionDesk;
import io.fenghuo.inspection.inspection.InspectionQueries;
import io.fenghuo.inspection.inspection.Outbox;
import io.fenghuo.inspection.inspection.Polls;
import io.fenghuo.inspection.inspection.Settings;
import io.fenghuo.inspection.inspection.Transactions;
import io.fenghuo.inspection.inspection.Tuning;
import io.fenghuo.inspection.inspection.Uitds;
import io.fenghuo.inspection.inspection.UnitDirectory;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the plain-Java desk to its adapters. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InspectionConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Tuning tuning(
      @Value("${fenghuo.inspection.zone:Asia/Shanghai}") String zone,
      @Value("${fenghuo.inspection.liveness.startup-grace:4m}") Duration startupGrace,
      @Value("${fenghuo.inspection.poll.timeout:2m}") Duration pollTimeout,
      @Value("${fenghuo.inspection.clock.sync-on-drift:false}") boolean syncOnDrift,
      @Value("${fenghuo.inspection.clock.drift-limit:5s}") Duration driftLimit,
      @Value("${fenghuo.inspection.clock.sync-gap:10m}") Duration syncGap) {
    return new Tuning(ZoneId.of(zone), startupGrace, pollTimeout, syncOnDrift, driftLimit, syncGap);
  }

  @Bean
  InspectionDesk inspectionDesk(
      Board board,
      Faults faults,
      Uitds uitds,
      Polls polls,
      Outbox outbox,
      Settings settings,
      UnitDirectory units,
      InspectionQueries queries,
      Transactions transactions,
      Clock clock,
      Tuning tuning) {
    return new InspectionDesk(
        new InspectionDesk.Ports(board, faults, uitds, polls, outbox, settings, units, queries),
        transactions,
        clock,
        tuning);
  }

  @Bean
  OpenAPI inspectionServiceApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Fenghuo inspection-service")
                .version("v1")
                .description(
                    "Facility status board, fault records followed until repaired, UITD liveness"
                        + " and polling (巡检), integrity rate (完好率) — GB 50440, GB 26875."
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
