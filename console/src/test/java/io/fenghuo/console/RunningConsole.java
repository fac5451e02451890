package io.fenghuo.console;

import io.fenghuo.testkit.SpringTestProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the console's integration tests: one console on a real port, signing in at the real local
 * identity provider, reading real Kafka. Every subclass shares the one Spring context.
 */
@SpringBootTest(
    classes = ConsoleApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class RunningConsole {

  static final TestStack stack = TestStack.get();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    SpringTestProperties.kafka(registry);
    registry.add("server.port", () -> stack.consolePort);
    registry.add("spring.security.oauth2.client.provider.fenghuo.issuer-uri", stack::issuer);
    registry.add("fenghuo.console.services[0].name", () -> "unit-service");
    registry.add("fenghuo.console.services[0].url", stack::unitServiceUrl);
    registry.add("fenghuo.console.services[1].name", () -> "alarm-service");
    registry.add("fenghuo.console.services[1].url", stack.alarmService::url);
    registry.add("fenghuo.console.services[2].name", () -> "inspection-service");
    registry.add("fenghuo.console.services[2].url", stack.inspectionService::url);
    registry.add("fenghuo.console.services[3].name", () -> "dispatch-119-service");
    registry.add("fenghuo.console.services[3].url", stack.dispatchService::url);
    registry.add("fenghuo.console.services[4].name", () -> "supervision-service");
    registry.add("fenghuo.console.services[4].url", stack::downServiceUrl);
  }

  /**
   * Waits until the live listener holds the partitions of both test operators' topics of a stream
   * (more may come: a test creates another operator's topic).
   */
  static void awaitLiveTopics(
      org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners,
      String listener,
      io.fenghuo.contracts.topic.Stream stream) {
    var container = listeners.getListenerContainer(listener);
    java.util.Set<String> wanted = new java.util.HashSet<>();
    for (String op : TestStack.OPERATORS) {
      wanted.add(
          io.fenghuo.contracts.topic.TopicNames.of(
                  io.fenghuo.contracts.id.OperatorId.of(op), stream)
              .toString());
    }
    org.awaitility.Awaitility.await(listener + " holds " + wanted)
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () -> {
              var assigned = container.getAssignedPartitions();
              return assigned != null
                  && assigned.stream()
                      .map(org.apache.kafka.common.TopicPartition::topic)
                      .collect(java.util.stream.Collectors.toSet())
                      .containsAll(wanted);
            });
  }

  static Browserless signIn(String username) {
    Browserless browser = new Browserless(stack.consoleUrl());
    browser.signIn(username, "fenghuo");
    return browser;
  }
}
