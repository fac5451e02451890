package io.fenghuo.gateway;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.gateway.bindings.DeviceBindings;
import io.fenghuo.gateway.bindings.StaticDeviceBindings;
import io.fenghuo.gateway.liveness.DeviceDirectory;
import io.fenghuo.gateway.liveness.RedisDeviceDirectory;
import io.fenghuo.gateway.uplink.KafkaLanes;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires one {@link Gateway} from Spring properties; the gateway itself knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

  @Bean
  GatewaySettings gatewaySettings(
      GatewayProperties properties,
      @Value("${fenghuo.tenancy.operator}") String operator,
      @Value("${fenghuo.instance:}") String instance) {
    String id = instance.isBlank() ? hostName() : instance;
    return properties.toSettings(GatewaySettings.defaults(OperatorId.of(operator), id));
  }

  @Bean
  DeviceBindings deviceBindings(GatewayProperties properties) {
    if (properties.bindAll()) {
      return StaticDeviceBindings.everyDevice();
    }
    return properties.bindingsFile() != null
        ? StaticDeviceBindings.fromFile(properties.bindingsFile())
        : StaticDeviceBindings.empty();
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

  @Bean
  SmartLifecycle gatewayLifecycle(Gateway gateway) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        try {
          gateway.start();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("gateway start interrupted", e);
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
