package io.fenghuo.testkit;

import io.fenghuo.testkit.internal.OrphanGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeMetadataQuorumOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three real Kafka brokers, each a child JVM running {@code kafka.Kafka} in KRaft combined mode
 * (broker + controller) on random loopback ports, for failure tests: kill a broker with SIGKILL,
 * restart it, watch leaders and in-sync replicas move.
 *
 * <p>Topology: a static three-voter controller quorum, replication factor 3 and {@code
 * min.insync.replicas=2} by default, so {@code acks=all} writes survive the loss of one broker and
 * fail once two are gone. Brokers run from the test JVM's own classpath (the Kafka server jars come
 * with {@code spring-kafka-test}), with {@code -Xmx384m} each by default. Each broker logs to
 * {@code <workDirectory>/node-<id>/broker.log}, never to the test's output.
 *
 * <p>Not shared: each user starts and closes its own cluster, typically in
 * {@code @BeforeAll}/{@code @AfterAll}. A JVM shutdown hook kills the brokers if {@link #close()}
 * was never called, and each broker halts by itself when the test JVM dies without running hooks.
 *
 * <pre>{@code
 * KafkaCluster cluster = new KafkaCluster();
 * cluster.start();                        // ~8-16 s on two cores
 * cluster.createTopics(new NewTopic("alarms", 3, (short) 3));
 * int leader = cluster.leader("alarms", 0).orElseThrow();
 * cluster.kill(leader);                   // SIGKILL
 * cluster.restart(leader);
 * cluster.close();
 * }</pre>
 *
 * <p>Thread-safe; lifecycle methods are serialized.
 */
public final class KafkaCluster implements KafkaEndpoint, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);
  private static final int NODES = 3;
  private static final String HOST = "127.0.0.1";
  private static final Duration PROCESS_EXIT_TIMEOUT = Duration.ofSeconds(15);
  private static final Set<String> FIXED_PROPERTIES =
      Set.of(
          "process.roles",
          "node.id",
          "controller.quorum.voters",
          "controller.quorum.bootstrap.servers",
          "listeners",
          "advertised.listeners",
          "log.dirs",
          "log.dir");

  private final Map<String, String> brokerProperties;
  private final String maxHeap;
  private final Duration startupTimeout;
  private final Duration shutdownGracePeriod;
  private final @Nullable Path requestedWorkDirectory;

  private final List<BrokerNode> nodes = new CopyOnWriteArrayList<>();
  private State state = State.NEW;
  private @Nullable Path workDirectory;
  private @Nullable Admin admin;
  private JvmShutdown.@Nullable Task shutdownTask;

  private enum State {
    NEW,
    RUNNING,
    CLOSED
  }

  /** A cluster with the default settings; call {@link #start()} next. */
  public KafkaCluster() {
    this(builder());
  }

  private KafkaCluster(Builder builder) {
    this.brokerProperties = Map.copyOf(builder.brokerProperties);
    this.maxHeap = builder.maxHeap;
    this.startupTimeout = builder.startupTimeout;
    this.shutdownGracePeriod = builder.shutdownGracePeriod;
    this.requestedWorkDirectory = builder.workDirectory;
  }

  /** Returns a builder for a cluster with non-default settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a {@link KafkaCluster}; not thread-safe. */
  public static final class Builder {
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private String maxHeap = "384m";
    private Duration startupTimeout = Duration.ofSeconds(120);
    private Duration shutdownGracePeriod = Duration.ofSeconds(10);
    private @Nullable Path workDirectory;

    private Builder() {}

    /**
     * Sets a broker config on all three brokers, overriding the defaults (e.g. {@code
     * min.insync.replicas}, {@code auto.create.topics.enable}).
     *
     * @throws IllegalArgumentException for configs that define the topology ({@code node.id},
     *     {@code process.roles}, {@code listeners}, {@code advertised.listeners}, {@code
     *     controller.quorum.*}, {@code log.dirs}), which the cluster must own
     */
    public Builder brokerProperty(String key, String value) {
      Objects.requireNonNull(value, "value");
      if (FIXED_PROPERTIES.contains(key)) {
        throw new IllegalArgumentException(
            key + " is set by KafkaCluster and cannot be overridden");
      }
      brokerProperties.put(key, value);
      return this;
    }

    /** Sets each broker's {@code -Xmx}, e.g. {@code "512m"}; default {@code "384m"}. */
    public Builder maxHeap(String maxHeap) {
      if (!maxHeap.matches("\\d+[kKmMgG]?")) {
        throw new IllegalArgumentException("Not a JVM heap size: " + maxHeap);
      }
      this.maxHeap = maxHeap;
      return this;
    }

    /**
     * Sets how long {@link KafkaCluster#start()} and {@link KafkaCluster#restart(int)} wait for
     * brokers to serve requests; default 120 s.
     */
    public Builder startupTimeout(Duration startupTimeout) {
      this.startupTimeout = requirePositive(startupTimeout);
      return this;
    }

    /**
     * Sets how long {@link KafkaCluster#close()} and {@link KafkaCluster#restart(int)} wait after
     * SIGTERM before sending SIGKILL; default 10 s.
     */
    public Builder shutdownGracePeriod(Duration shutdownGracePeriod) {
      this.shutdownGracePeriod = requirePositive(shutdownGracePeriod);
      return this;
    }

    /**
     * Sets the directory for configs, data and logs; default a new directory under {@code
     * target/testkit/}. It is created if missing; it should be empty.
     */
    public Builder workDirectory(Path workDirectory) {
      this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
      return this;
    }

    /** Builds the cluster; nothing is started until {@link KafkaCluster#start()}. */
    public KafkaCluster build() {
      return new KafkaCluster(this);
    }

    private static Duration requirePositive(Duration duration) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("Duration must be positive: " + duration);
      }
      return duration;
    }
  }

  /** One broker: its fixed identity (id, ports, directory) and its current process, if any. */
  private static final class BrokerNode {
    final int id;
    final int brokerPort;
    final int controllerPort;
    final Path directory;
    final Path config;
    final Path logFile;
    // Volatile: the JVM shutdown hook reads it without taking the cluster lock.
    volatile @Nullable Process process;
    int launches;

    BrokerNode(int id, int brokerPort, int controllerPort, Path directory) {
      this.id = id;
      this.brokerPort = brokerPort;
      this.controllerPort = controllerPort;
      this.directory = directory;
      this.config = directory.resolve("server.properties");
      this.logFile = directory.resolve("broker.log");
    }

    boolean isAlive() {
      return process != null && process.isAlive();
    }
  }

  /**
   * Formats the three log directories with one cluster id, launches the brokers and waits until
   * each serves requests and sees all three brokers.
   *
   * @throws IllegalStateException if called twice, or if a broker exits or is not ready within the
   *     start-up timeout; the message contains the end of the failing broker's log, and any broker
   *     already launched is killed
   * @throws UncheckedIOException if the work directory cannot be written
   */
  public synchronized void start() {
    if (state != State.NEW) {
      throw new IllegalStateException("KafkaCluster can be started once; it is " + state);
    }
    state = State.RUNNING;
    long started = System.nanoTime();
    try {
      Path work = createWorkDirectory();
      workDirectory = work;
      writeLoggingConfigs(work);
      int[] ports = FreePorts.allocate(2 * NODES);
      for (int i = 0; i < NODES; i++) {
        int id = i + 1;
        nodes.add(new BrokerNode(id, ports[2 * i], ports[2 * i + 1], work.resolve("node-" + id)));
      }
      for (BrokerNode node : nodes) {
        Files.createDirectories(node.directory);
        writeServerProperties(node);
      }
      shutdownTask = JvmShutdown.register("kafka-cluster", this::killAllNow);
      format();
      long formatted = System.nanoTime();
      for (BrokerNode node : nodes) {
        launch(node);
      }
      admin = KafkaAdmins.create(bootstrapServers());
      awaitServing(nodes, (direct, node) -> seesAllBrokers(direct));
      log.info(
          "Kafka cluster up at {} in {} ms (format {} ms), logs in {}",
          bootstrapServers(),
          millisSince(started),
          Duration.ofNanos(formatted - started).toMillis(),
          work);
    } catch (IOException e) {
      throw abortStart(new UncheckedIOException("Could not prepare the Kafka cluster's files", e));
    } catch (RuntimeException e) {
      throw abortStart(e);
    }
  }

  /** Leaves no process behind after a failed start; the start failure stays the main error. */
  private RuntimeException abortStart(RuntimeException failure) {
    state = State.CLOSED;
    try {
      closeAdmin();
      killAllNow();
      for (BrokerNode node : nodes) {
        Process process = node.process;
        if (process != null) {
          awaitExit(node, process);
        }
      }
    } catch (RuntimeException cleanupFailure) {
      failure.addSuppressed(cleanupFailure);
    }
    if (shutdownTask != null) {
      shutdownTask.cancel();
    }
    return failure;
  }

  /**
   * {@inheritDoc}
   *
   * <p>All three brokers, {@code 127.0.0.1:<port>} each, including killed ones: clients fail over
   * between them as a real cluster's clients would.
   *
   * @throws IllegalStateException if the cluster is not started or is closed
   */
  @Override
  public synchronized String bootstrapServers() {
    requireRunning();
    return nodes.stream()
        .map(node -> HOST + ":" + node.brokerPort)
        .collect(Collectors.joining(","));
  }

  /** The broker ids, {@code [1, 2, 3]}. */
  public List<Integer> nodeIds() {
    return List.of(1, 2, 3);
  }

  /**
   * Whether the broker's process is alive; {@code false} before {@link #start()} and after {@link
   * #close()}.
   *
   * @throws IllegalArgumentException if {@code nodeId} is not one of {@link #nodeIds()}
   */
  public synchronized boolean isRunning(int nodeId) {
    return state == State.RUNNING && node(nodeId).isAlive();
  }

  /**
   * The operating-system process id of the broker.
   *
   * @throws IllegalArgumentException if {@code nodeId} is not one of {@link #nodeIds()}
   * @throws IllegalStateException if that broker is not running
   */
  public synchronized long pid(int nodeId) {
    Process process = node(nodeId).process;
    if (state != State.RUNNING || process == null || !process.isAlive()) {
      throw new IllegalStateException("Broker " + nodeId + " is not running");
    }
    return process.pid();
  }

  /**
   * Kills the broker with SIGKILL ({@code kill -9}): no controlled shutdown, no flush, as in a
   * crash or an OOM kill. Returns once the process is gone. Does nothing if it is already dead.
   *
   * @throws IllegalArgumentException if {@code nodeId} is not one of {@link #nodeIds()}
   * @throws IllegalStateException if the cluster is not running, or the process survives SIGKILL
   *     for 15 s
   */
  public synchronized void kill(int nodeId) {
    requireRunning();
    BrokerNode node = node(nodeId);
    Process process = node.process;
    if (process == null || !process.isAlive()) {
      return;
    }
    process.toHandle().destroyForcibly();
    awaitExit(node, process);
    log.info("Killed Kafka broker {} (pid {})", nodeId, process.pid());
  }

  /**
   * Starts one broker again; the same as {@link #restart(int...) restart(nodeId)}. Works while
   * another broker is still down, as long as two of the three controllers are up once it runs.
   *
   * @throws IllegalArgumentException if {@code nodeId} is not one of {@link #nodeIds()}
   * @throws IllegalStateException if the cluster is not running, or the broker exits or is not
   *     ready within the start-up timeout (the message contains the end of its log)
   */
  public synchronized void restart(int nodeId) {
    restart(new int[] {nodeId});
  }

  /**
   * Starts the given brokers again with the same ids, ports and data: all of them are launched
   * first, then this waits until the controller quorum has a leader and each restarted broker
   * serves requests on its own port and lists itself among the live brokers (so it is registered
   * and unfenced, not a stale registration). Brokers not named here are neither touched nor waited
   * for, so a broker that stays down does not block the call. Running brokers among those named are
   * first stopped like in {@link #close()} (SIGTERM, then SIGKILL after the grace period).
   *
   * <p>Restart two killed brokers in one call ({@code restart(1, 2)}) or one after the other: with
   * two of three controllers down the quorum is lost, and the first restarted broker restores it.
   * Returning does not mean the brokers have caught up: poll {@link #inSyncReplicas(String, int)}
   * for that.
   *
   * @throws IllegalArgumentException if no id is given or an id is not one of {@link #nodeIds()}
   *     (duplicates are ignored)
   * @throws IllegalStateException if the cluster is not running, or a broker exits or is not ready
   *     within the start-up timeout (the message contains the end of its log)
   */
  public synchronized void restart(int... nodeIds) {
    requireRunning();
    if (nodeIds.length == 0) {
      throw new IllegalArgumentException("No broker to restart");
    }
    List<BrokerNode> toRestart =
        Arrays.stream(nodeIds).distinct().sorted().mapToObj(this::node).toList();
    long started = System.nanoTime();
    stopGracefully(toRestart);
    for (BrokerNode node : toRestart) {
      launch(node);
    }
    awaitServing(toRestart, KafkaCluster::servesAsItself);
    log.info(
        "Restarted Kafka broker(s) {} in {} ms",
        toRestart.stream().map(node -> node.id).toList(),
        millisSince(started));
  }

  /**
   * The current leader of a partition, as the cluster's metadata reports it.
   *
   * @return the leader's node id, or empty while the partition has no leader
   * @throws IllegalArgumentException if the topic has no such partition
   * @throws IllegalStateException if the cluster is not running or does not answer in time
   * @throws org.apache.kafka.common.KafkaException as reported by the cluster, e.g. {@code
   *     UnknownTopicOrPartitionException}
   */
  public OptionalInt leader(String topic, int partition) {
    Node leader = describe(topic, partition).leader();
    return leader == null || leader.isEmpty() ? OptionalInt.empty() : OptionalInt.of(leader.id());
  }

  /**
   * The in-sync replicas of a partition, as the cluster's metadata reports them.
   *
   * @return node ids in ascending order
   * @throws IllegalArgumentException if the topic has no such partition
   * @throws IllegalStateException if the cluster is not running or does not answer in time
   * @throws org.apache.kafka.common.KafkaException as reported by the cluster, e.g. {@code
   *     UnknownTopicOrPartitionException}
   */
  public List<Integer> inSyncReplicas(String topic, int partition) {
    return describe(topic, partition).isr().stream().map(Node::id).sorted().toList();
  }

  private TopicPartitionInfo describe(String topic, int partition) {
    Admin client;
    synchronized (this) {
      requireRunning();
      client = Objects.requireNonNull(admin);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try {
      return KafkaAdmins.await(
              client
                  .describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs(20_000))
                  .allTopicNames(),
              deadline)
          .get(topic)
          .partitions()
          .stream()
          .filter(info -> info.partition() == partition)
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "Topic " + topic + " has no partition " + partition));
    } catch (ExecutionException e) {
      throw KafkaAdmins.unwrap("Describing " + topic + " failed", e);
    }
  }

  /**
   * The directory holding each broker's {@code server.properties}, data and {@code broker.log}.
   *
   * @throws IllegalStateException if the cluster was never started
   */
  public synchronized Path workDirectory() {
    if (workDirectory == null) {
      throw new IllegalStateException("KafkaCluster was not started");
    }
    return workDirectory;
  }

  /**
   * The broker's log file (stdout and stderr of its process, across restarts).
   *
   * @throws IllegalArgumentException if {@code nodeId} is not one of {@link #nodeIds()}
   * @throws IllegalStateException if the cluster was never started
   */
  public synchronized Path logFile(int nodeId) {
    workDirectory();
    return node(nodeId).logFile;
  }

  /**
   * Stops all brokers: SIGTERM, then SIGKILL for those still alive after the grace period (a broker
   * that has lost its quorum ignores SIGTERM). Returns once every process is gone, then deletes the
   * brokers' data; configs and logs stay in {@link #workDirectory()}. Idempotent.
   *
   * @throws IllegalStateException if a process survives SIGKILL for 15 s
   */
  @Override
  public synchronized void close() {
    if (state == State.CLOSED) {
      return;
    }
    boolean wasRunning = state == State.RUNNING;
    state = State.CLOSED;
    if (!wasRunning) {
      return;
    }
    long started = System.nanoTime();
    closeAdmin();
    stopGracefully(nodes);
    if (shutdownTask != null) {
      shutdownTask.cancel();
    }
    for (BrokerNode node : nodes) {
      deleteRecursively(node.directory.resolve("data"));
    }
    log.info("Kafka cluster stopped in {} ms", millisSince(started));
  }

  @Override
  public synchronized String toString() {
    return "KafkaCluster["
        + state
        + (state == State.RUNNING ? ", " + bootstrapServers() : "")
        + (workDirectory != null ? ", " + workDirectory : "")
        + "]";
  }

  private void requireRunning() {
    if (state != State.RUNNING) {
      throw new IllegalStateException(
          state == State.NEW ? "KafkaCluster is not started" : "KafkaCluster is closed");
    }
  }

  private BrokerNode node(int nodeId) {
    if (nodeId < 1 || nodeId > NODES) {
      throw new IllegalArgumentException("No broker " + nodeId + "; ids are " + nodeIds());
    }
    if (nodes.isEmpty()) {
      throw new IllegalStateException("KafkaCluster is not started");
    }
    return nodes.get(nodeId - 1);
  }

  private Path createWorkDirectory() throws IOException {
    if (requestedWorkDirectory != null) {
      return Files.createDirectories(requestedWorkDirectory).toAbsolutePath();
    }
    Path parent = Files.createDirectories(Path.of("target", "testkit"));
    return Files.createTempDirectory(parent, "kafka-cluster-").toAbsolutePath();
  }

  private void writeServerProperties(BrokerNode node) throws IOException {
    String voters =
        nodes.stream()
            .map(n -> n.id + "@" + HOST + ":" + n.controllerPort)
            .collect(Collectors.joining(","));
    Map<String, String> config = new LinkedHashMap<>();
    config.put("process.roles", "broker,controller");
    config.put("node.id", Integer.toString(node.id));
    config.put("controller.quorum.voters", voters);
    config.put(
        "listeners",
        "PLAINTEXT://"
            + HOST
            + ":"
            + node.brokerPort
            + ",CONTROLLER://"
            + HOST
            + ":"
            + node.controllerPort);
    config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + node.brokerPort);
    config.put("controller.listener.names", "CONTROLLER");
    config.put("inter.broker.listener.name", "PLAINTEXT");
    config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    config.put("log.dirs", slashes(node.directory.resolve("data")));
    config.put("num.partitions", "3");
    config.put("default.replication.factor", "3");
    config.put("min.insync.replicas", "2");
    config.put("offsets.topic.replication.factor", "3");
    config.put("transaction.state.log.replication.factor", "3");
    config.put("transaction.state.log.min.isr", "2");
    config.put("share.coordinator.state.topic.replication.factor", "3");
    config.put("share.coordinator.state.topic.min.isr", "2");
    config.put("unclean.leader.election.enable", "false");
    config.put("group.initial.rebalance.delay.ms", "0");
    // Internal topics with 50 partitions x 3 replicas make the first consumer group slow to form.
    config.put("offsets.topic.num.partitions", "3");
    config.put("transaction.state.log.num.partitions", "3");
    // Three brokers share two cores with the test JVM: fewer threads, smaller cleaner buffer.
    config.put("num.network.threads", "2");
    config.put("num.io.threads", "2");
    config.put("log.cleaner.dedupe.buffer.size", "2097152");
    config.putAll(brokerProperties);

    StringBuilder text = new StringBuilder("# Written by io.fenghuo.testkit.KafkaCluster\n");
    config.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    Files.writeString(node.config, text, StandardCharsets.UTF_8);
  }

  /** Both configs, because the brokers use whichever backend the test classpath brings. */
  private static void writeLoggingConfigs(Path work) throws IOException {
    Files.writeString(
        work.resolve("logback.xml"),
        """
        <configuration>
          <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
          </appender>
          <logger name="org.apache.kafka.common.config" level="WARN"/>
          <logger name="org.apache.kafka.common.utils.AppInfoParser" level="WARN"/>
          <root level="INFO"><appender-ref ref="OUT"/></root>
        </configuration>
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        work.resolve("log4j2.properties"),
        """
        status = warn
        appender.out.type = Console
        appender.out.name = OUT
        appender.out.layout.type = PatternLayout
        appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%t] %c{1} - %m%n
        logger.config.name = org.apache.kafka.common.config
        logger.config.level = WARN
        rootLogger.level = INFO
        rootLogger.appenderRef.out.ref = OUT
        """,
        StandardCharsets.UTF_8);
  }

  /** Runs the three {@code StorageTool format} JVMs side by side; each costs ~1.5 s of CPU. */
  private void format() {
    String clusterId = Uuid.randomUuid().toString();
    Map<BrokerNode, Process> formats = new LinkedHashMap<>();
    for (BrokerNode node : nodes) {
      appendToLog(node, "format, cluster id " + clusterId);
      formats.put(
          node,
          startJava(
              node,
              "256m",
              List.of(
                  "kafka.tools.StorageTool",
                  "format",
                  "--cluster-id",
                  clusterId,
                  "--config",
                  node.config.toString())));
    }
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    try {
      awaitFormats(formats, deadline);
    } finally {
      // After one failure the others are pointless; none may outlive the test.
      formats.values().forEach(Process::destroyForcibly);
    }
  }

  private static void awaitFormats(Map<BrokerNode, Process> formats, long deadline) {
    for (Map.Entry<BrokerNode, Process> format : formats.entrySet()) {
      BrokerNode node = format.getKey();
      Process process = format.getValue();
      try {
        if (!process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          process.destroyForcibly();
          throw failure(node, "Formatting the log directory of broker " + node.id + " timed out");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while formatting", e);
      }
      if (process.exitValue() != 0) {
        throw failure(
            node,
            "Formatting the log directory of broker "
                + node.id
                + " failed with exit code "
                + process.exitValue());
      }
    }
  }

  private void launch(BrokerNode node) {
    node.launches++;
    appendToLog(node, "launch #" + node.launches);
    // Through OrphanGuard so the broker dies with this JVM even when no shutdown hook runs.
    node.process =
        startJava(
            node,
            maxHeap,
            List.of(OrphanGuard.class.getName(), "kafka.Kafka", node.config.toString()));
  }

  private Process startJava(BrokerNode node, String heap, List<String> mainAndArgs) {
    Path work = Objects.requireNonNull(workDirectory);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms64m");
    command.add("-Xmx" + heap);
    // C1 only and the serial collector: start-up CPU matters more than peak throughput here.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Djava.awt.headless=true");
    command.add("-Dlogback.configurationFile=" + work.resolve("logback.xml"));
    command.add("-Dlog4j2.configurationFile=" + work.resolve("log4j2.properties"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(mainAndArgs);
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(node.logFile.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not launch a JVM for broker " + node.id, e);
    }
  }

  /** A readiness check of one broker, asked through an admin client bound to its own port. */
  private interface Readiness {
    boolean test(Admin direct, BrokerNode node);
  }

  /**
   * Waits until each node answers on its own port and passes {@code ready}. Asking each node
   * directly (rather than any node) proves that a restarted broker is back, not a stale
   * registration the controller has not fenced yet. One deadline for all of them: they were
   * launched together.
   */
  private void awaitServing(Collection<BrokerNode> toCheck, Readiness ready) {
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    for (BrokerNode node : toCheck) {
      try (Admin direct = KafkaAdmins.create(HOST + ":" + node.brokerPort)) {
        while (true) {
          Process process = node.process;
          if (process == null || !process.isAlive()) {
            throw failure(
                node,
                "Broker "
                    + node.id
                    + " exited during start-up"
                    + (process == null ? "" : " with code " + process.exitValue()));
          }
          if (ready.test(direct, node)) {
            break;
          }
          if (System.nanoTime() > deadline) {
            throw failure(
                node, "Broker " + node.id + " did not serve requests within " + startupTimeout);
          }
          KafkaAdmins.sleep(250);
        }
      }
    }
  }

  /** The live brokers the node reports; empty if it does not answer in time. */
  private static Collection<Node> liveBrokers(Admin direct) {
    try {
      return direct
          .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
          .nodes()
          .get(3, TimeUnit.SECONDS);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka", e);
    }
  }

  /**
   * At start-up: every broker is launched, so each must see all three (the static quorum needs two
   * of them anyway).
   */
  private static boolean seesAllBrokers(Admin direct) {
    return liveBrokers(direct).size() == NODES;
  }

  /**
   * After a restart: the broker answers, lists itself as a live (unfenced) broker, and the
   * controller quorum has a leader. Other brokers may still be down.
   */
  private static boolean servesAsItself(Admin direct, BrokerNode node) {
    if (liveBrokers(direct).stream().noneMatch(broker -> broker.id() == node.id)) {
      return false;
    }
    try {
      return direct
              .describeMetadataQuorum(new DescribeMetadataQuorumOptions().timeoutMs(2_000))
              .quorumInfo()
              .get(3, TimeUnit.SECONDS)
              .leaderId()
          >= 0;
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Kafka", e);
    }
  }

  /** SIGTERM to all, one shared grace period, then SIGKILL for the survivors. */
  private void stopGracefully(Collection<BrokerNode> toStop) {
    List<BrokerNode> alive = toStop.stream().filter(BrokerNode::isAlive).toList();
    alive.forEach(node -> Objects.requireNonNull(node.process).toHandle().destroy());
    long deadline = System.nanoTime() + shutdownGracePeriod.toNanos();
    for (BrokerNode node : alive) {
      Process process = Objects.requireNonNull(node.process);
      try {
        if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          log.info(
              "Kafka broker {} ignored SIGTERM for {}; sending SIGKILL",
              node.id,
              shutdownGracePeriod);
          process.toHandle().destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.toHandle().destroyForcibly();
      }
      awaitExit(node, process);
    }
  }

  private void awaitExit(BrokerNode node, Process process) {
    try {
      if (!process.waitFor(PROCESS_EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            "Broker " + node.id + " (pid " + process.pid() + ") is still alive after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for broker " + node.id, e);
    }
    closeStdin(process);
    node.process = null;
  }

  /** Last resort (JVM exit, failed start): no grace, nothing to wait for. */
  private void killAllNow() {
    for (BrokerNode node : nodes) {
      Process process = node.process;
      if (process != null) {
        process.toHandle().destroyForcibly();
      }
    }
  }

  private static void closeStdin(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // The process is gone; there is nothing left to tell it.
    }
  }

  private void closeAdmin() {
    Admin client = admin;
    admin = null;
    if (client != null) {
      client.close(Duration.ofSeconds(2));
    }
  }

  private static void appendToLog(BrokerNode node, String event) {
    try {
      Files.writeString(
          node.logFile,
          "===== " + Instant.now() + " testkit: " + event + " =====\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IllegalStateException failure(BrokerNode node, String message) {
    return new IllegalStateException(
        message + "; last lines of " + node.logFile + ":\n" + tail(node.logFile, 40));
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // Leftover data under target/ is harmless; failing the test for it would not be.
      log.debug("Could not delete {}", directory, e);
    }
  }

  private static String slashes(Path path) {
    return path.toAbsolutePath().toString().replace('\\', '/');
  }

  private static long millisSince(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }
}
