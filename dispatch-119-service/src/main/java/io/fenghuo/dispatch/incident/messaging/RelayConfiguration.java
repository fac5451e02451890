package io.fenghuo.dispatch.incident.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The relays' threads. Kafka gets two lanes of one thread each: the 119 lane (incidents, tests,
 * terminal receipts) and the operator lane (feedback to the operators), each in commit order (an
 * incident's revisions and sends stay in order, and an operator's dispatch events too), and the
 * fire path never waits behind feedback. The webhook has its own threads, so its retries and
 * back-off never delay the Kafka path.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class RelayConfiguration {

  static final String CENTRE = "centreRelayExecutor";
  static final String OPERATOR = "operatorRelayExecutor";
  static final String WEBHOOK = "webhookRelayExecutor";

  @Bean(name = CENTRE)
  ThreadPoolTaskExecutor centreRelayExecutor() {
    return executor("relay-119-", 1);
  }

  @Bean(name = OPERATOR)
  ThreadPoolTaskExecutor operatorRelayExecutor() {
    return executor("relay-op-", 1);
  }

  @Bean(name = WEBHOOK)
  ThreadPoolTaskExecutor webhookRelayExecutor() {
    return executor("relay-webhook-", 2);
  }

  private static ThreadPoolTaskExecutor executor(String prefix, int threads) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(threads);
    executor.setMaxPoolSize(threads);
    executor.setThreadNamePrefix(prefix);
    // On shutdown, publications in hand get 10 s; what is left stays incomplete in the registry
    // and is republished on the next start.
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds(10);
    return executor;
  }
}
