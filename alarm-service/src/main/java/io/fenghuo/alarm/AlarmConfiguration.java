package io.fenghuo.alarm;

import io.fenghuo.alarm.alarm.AlarmDesk;
import io.fenghuo.alarm.alarm.AlarmQueries;
import io.fenghuo.alarm.alarm.AlarmStream;
import io.fenghuo.alarm.alarm.Alarms;
import io.fenghuo.alarm.alarm.DispatchFeedback;
import io.fenghuo.alarm.alarm.Settings;
import io.fenghuo.alarm.alarm.Transactions;
import io.fenghuo.alarm.alarm.UnitDirectory;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** Wires the plain-Java desk to its adapters. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableScheduling
class AlarmConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  AlarmDesk alarmDesk(
      Alarms alarms,
      AlarmQueries queries,
      UnitDirectory units,
      Settings settings,
      AlarmStream stream,
      Transactions transactions,
      Clock clock) {
    return new AlarmDesk(alarms, queries, units, settings, stream, transactions, clock);
  }

  @Bean
  DispatchFeedback dispatchFeedback(Alarms alarms, Transactions transactions) {
    return new DispatchFeedback(alarms, transactions);
  }

  @Bean
  OpenAPI alarmServiceApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Fenghuo alarm-service")
                .version("v1")
                .description(
                    "Alarm receipt and grouping, the operators' fire-first queue, the confirmation"
                        + " workflow, escalation and audit (GB 50440, GB 26875.5). Bearer JWT with"
                        + " the claims of ADR 0002; errors are RFC 9457 problem details."))
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
