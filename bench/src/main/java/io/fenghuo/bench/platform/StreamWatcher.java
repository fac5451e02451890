package io.fenghuo.bench.platform;

import io.fenghuo.bench.local.LocalPlatform;
import io.fenghuo.bench.metrics.KafkaOffsets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * A plain consumer in the harness on op-a's fault stream and status stream, from their ends at the
 * start: when each component fault of the bench's devices was opened and closed on {@code
 * fire.op.op-a.fault} (arrival {@link System#nanoTime()}), and each bench point's last state on
 * {@code fire.op.op-a.signal.status} (for the open faults to expect at the end).
 */
final class StreamWatcher implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String devicePrefix;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Exception failure;

  /** Point key → arrival nanos of its last {@code fault.opened} / {@code fault.closed}. */
  private final Map<String, Long> opened = new ConcurrentHashMap<>();

  private final Map<String, Long> closed = new ConcurrentHashMap<>();
  private final Map<String, String> pointOfFault = new ConcurrentHashMap<>();
  private final Map<String, Boolean> lastState = new ConcurrentHashMap<>();
  private final AtomicLong statusRecords = new AtomicLong();
  private final AtomicLong faultRecords = new AtomicLong();

  private StreamWatcher(String bootstrap, List<String> topics, String devicePrefix) {
    Properties props = KafkaOffsets.consumerProperties(bootstrap);
    props.put("max.poll.records", "2000");
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.devicePrefix = devicePrefix;
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("no topic " + topic);
      }
      infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end positions now, before any frame
    this.thread = new Thread(this::run, "bench-stream-watcher");
    thread.setDaemon(true);
  }

  /** Watches {@code faultTopic} and {@code statusTopic} for devices starting with the prefix. */
  static StreamWatcher start(
      String bootstrap, String faultTopic, String statusTopic, String devicePrefix) {
    StreamWatcher w = new StreamWatcher(bootstrap, List.of(faultTopic, statusTopic), devicePrefix);
    w.thread.start();
    return w;
  }

  private void run() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          long now = System.nanoTime();
          handle(header(r, "ce_type"), r.value(), now);
        }
      }
    } catch (org.apache.kafka.common.errors.WakeupException e) {
      // closing
    } catch (Exception e) {
      failure = e;
      LocalPlatform.log("stream watcher stopped: " + e);
    } finally {
      consumer.close();
    }
  }

  private void handle(String type, byte[] value, long now) {
    if (type == null || value == null) {
      return;
    }
    if (type.equals(BoardRecords.STATUS_CHANGED)) {
      JsonNode data = AlarmApi.JSON.readTree(value);
      Map.Entry<String, Boolean> s = BoardRecords.componentState(type, data);
      if (s != null && s.getKey().startsWith(devicePrefix)) {
        lastState.put(s.getKey(), s.getValue());
        statusRecords.incrementAndGet();
      }
    } else if (type.startsWith("fenghuo.fault.")) {
      BoardRecords.FaultStep step = BoardRecords.pointFault(type, AlarmApi.JSON.readTree(value));
      if (step == null) {
        return;
      }
      if (step.opened()) {
        if (step.point().startsWith(devicePrefix)) {
          pointOfFault.put(step.faultId(), step.point());
          opened.put(step.point(), now);
          faultRecords.incrementAndGet();
        }
      } else {
        String point = pointOfFault.get(step.faultId());
        if (point != null) {
          closed.put(point, now);
          faultRecords.incrementAndGet();
        }
      }
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  /**
   * Waits up to {@code timeout} for a {@code fault.opened} (or {@code .closed}) of the point that
   * arrived after {@code afterNanos}; its arrival nanos, or -1.
   */
  long await(boolean open, String point, long afterNanos, Duration timeout)
      throws InterruptedException {
    Map<String, Long> m = open ? opened : closed;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Long at = m.get(point);
      if (at != null && at > afterNanos) {
        return at;
      }
      if (System.nanoTime() > deadline || failure != null) {
        return -1;
      }
      Thread.sleep(20);
    }
  }

  /** Each bench point's last state since the start (true = fault). */
  Map<String, Boolean> lastStates() {
    return new HashMap<>(lastState);
  }

  long statusRecords() {
    return statusRecords.get();
  }

  long faultRecords() {
    return faultRecords.get();
  }

  Exception failure() {
    return failure;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
