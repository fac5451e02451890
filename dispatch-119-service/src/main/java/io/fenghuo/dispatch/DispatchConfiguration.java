package io.fenghuo.dispatch;

import io.fenghuo.dispatch.incident.Alerts;
import io.fenghuo.dispatch.incident.CommunicationTesting;
import io.fenghuo.dispatch.incident.CommunicationTests;
import io.fenghuo.dispatch.incident.Dispatch;
import io.fenghuo.dispatch.incident.DispatchSettings;
import io.fenghuo.dispatch.incident.Incidents;
import io.fenghuo.dispatch.incident.Latencies;
import io.fenghuo.dispatch.incident.Outbound;
import io.fenghuo.dispatch.incident.Transactions;
import io.fenghuo.dispatch.incident.messaging.WebhookClient;
import io.fenghuo.dispatch.incident.messaging.WebhookSettings;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** Wires the plain-Java dispatch to its adapters. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class DispatchConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  DispatchSettings dispatchSettings(
      @Value("${fenghuo.dispatch.ack-timeout:10s}") Duration ackTimeout,
      @Value("${fenghuo.dispatch.resends-before-escalation:1}") int resends,
      @Value("${fenghuo.dispatch.centre-phone:119}") String phone,
      @Value("${fenghuo.dispatch.centre-name:119指挥中心}") String name) {
    return new DispatchSettings(ackTimeout, resends, phone, name);
  }

  @Bean
  Dispatch dispatch(
      Incidents incidents,
      Outbound outbound,
      Transactions transactions,
      Latencies latencies,
      DispatchSettings settings,
      Clock clock) {
    return new Dispatch(incidents, outbound, transactions, latencies, settings, clock);
  }

  @Bean
  CommunicationTesting communicationTesting(
      CommunicationTests tests,
      Outbound outbound,
      Transactions transactions,
      Alerts alerts,
      DispatchSettings settings,
      @Value("${fenghuo.dispatch.communication-test.timeout:10m}") Duration timeout,
      Clock clock) {
    return new CommunicationTesting(
        tests, outbound, transactions, alerts, timeout, settings.centreName(), clock);
  }

  @Bean
  @ConditionalOnExpression("'${fenghuo.dispatch.webhook.url:}' != ''")
  WebhookClient webhookClient(WebhookSettings settings) {
    return new WebhookClient(settings);
  }

  @Bean
  OpenAPI dispatchServiceApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Fenghuo dispatch-119-service")
                .version("v1")
                .description(
                    "Fires forwarded to the 119 command centre: live incidents and history with"
                        + " their timelines, the dispatcher's acknowledgement and dispatch progress"
                        + " (issued as receipts on fire.119.receipt), and the daily communication"
                        + " test (GB 50440). Bearer JWT with the claims of ADR 0002; errors are RFC"
                        + " 9457 problem details."))
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
