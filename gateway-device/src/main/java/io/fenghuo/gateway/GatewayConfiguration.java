package io.fenghuo.gateway;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.gateway.bindings.DeviceBindings;
import io.fenghuo.gateway.bindings.StaticDeviceBindings;
import io.fenghuo.gateway.bindings.UnitStreamBindings;
import io.fenghuo.gateway.command.CommandEndpoint;
import io.fenghuo.gateway.liveness.DeviceDirectory;
import io.fenghuo.gateway.liveness.RedisDeviceDirectory;
import io.fenghuo.gateway.uplink.KafkaLanes;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.fenghuo.starter.tenancy.TenantScope;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires one {@link Gateway} from Spring properties; the gateway itself knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

  private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

  @Bean
  GatewaySettings gatewaySettings(
      GatewayProperties properties,
      @Value("${fenghuo.tenancy.operator}") String operator,
      @Value("${fenghuo.instance:}") String instance) {
    String id = instance.isBlank() ? hostName() : instance;
    return properties.toSettings(GatewaySettings.defaults(OperatorId.of(operator), id));
  }

  /**
   * Device bindings: by default the operator's unit stream ({@link UnitStreamBindings}); {@code
   * bind-all} or a {@code bindings-file} (local runs, tests) replace it.
   */
  @Bean // destroy method inferred: UnitStreamBindings is closed, the static ones need nothing
  DeviceBindings deviceBindings(
      GatewayProperties properties, GatewaySettings settings, KafkaProperties kafka) {
    if (properties.bindAll()) {
      return StaticDeviceBindings.everyDevice();
    }
    if (properties.bindingsFile() != null) {
      return StaticDeviceBindings.fromFile(properties.bindingsFile());
    }
    return new UnitStreamBindings(settings.operator(), kafka.buildConsumerProperties()).start();
  }

  @Bean(destroyMethod = "close")
  DeviceDirectory deviceDirectory(
      GatewaySettings settings,
      @Value("${spring.data.redis.host:127.0.0.1}") String host,
      @Value("${spring.data.redis.port:6379}") int port) {
    return new RedisDeviceDirectory("redis://" + host + ":" + port, settings.operator());
  }

  @Bean
  Gateway gateway(
      GatewaySettings settings,
      GatewayProperties properties,
      KafkaProperties kafka,
      DeviceDirectory directory,
      DeviceBindings bindings,
      MeterRegistry meters) {
    Map<String, Object> base = kafka.buildProducerProperties();
    if (properties.deliveryTimeout() != null) {
      int ms = (int) properties.deliveryTimeout().toMillis();
      base.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ms);
      base.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(ms / 2, 30_000));
    }
    base.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    KafkaLanes lanes = KafkaLanes.create(base);
    return new Gateway(
        settings,
        lanes.alarm(),
        lanes.bulk(),
        directory,
        bindings,
        ProfileSelector.standard(),
        meters,
        Clock.systemUTC());
  }

  /**
   * Waits for the device bindings (at most {@code bindings-wait}), starts the device server, then
   * downlink commands: the internal forwarding endpoint on {@code fenghuo.gateway.command-port}
   * (default 9001, on {@code command-bind-host}, forwards signed with {@code command-secret}),
   * announced as {@code http://<advertised-host>:<port>} (default: the host name), and the {@code
   * device.command} consumer in the group {@code TenantScope.groupId("commands")}, shared by the
   * operator's instances.
   */
  @Bean
  SmartLifecycle gatewayLifecycle(
      Gateway gateway,
      GatewayProperties properties,
      KafkaProperties kafka,
      TenantScope tenants,
      GatewaySettings settings,
      DeviceBindings bindings) {
    if (!tenants.covers(settings.operator()) || tenants.operator().isEmpty()) {
      throw new IllegalStateException(
          "the gateway serves exactly one operator: set fenghuo.tenancy.operator");
    }
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        try {
          Duration wait = properties.bindingsWaitOrDefault();
          if (!bindings.awaitComplete(wait)) {
            log.warn(
                "Device bindings not complete after {}; opening the device port anyway: devices"
                    + " not read yet are unregistered until their binding arrives",
                wait);
          }
          gateway.start();
          Map<String, Object> consumer = kafka.buildConsumerProperties();
          consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
          gateway.enableCommands(
              new CommandEndpoint(
                  properties.commandPort() != null ? properties.commandPort() : 9001,
                  properties.commandBindHost(),
                  properties.advertisedHost() != null ? properties.advertisedHost() : hostName(),
                  properties.commandSecret()),
              consumer,
              tenants.groupId("commands"));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("gateway start interrupted", e);
        } catch (java.io.IOException e) {
          throw new IllegalStateException("command endpoint did not start", e);
        }
        running = true;
      }

      @Override
      public void stop() {
        running = false;
        gateway.close();
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "gateway-device";
    }
  }
}
