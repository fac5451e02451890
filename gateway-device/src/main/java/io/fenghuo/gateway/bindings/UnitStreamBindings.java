package io.fenghuo.gateway.bindings;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.kafka.CloudEventsDeserializer;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device bindings read from the operator's compacted unit stream ({@code fire.op.<op>.unit}, {@link
 * UnitArchiveChanged} snapshots keyed by unit id; a null value is a tombstone).
 *
 * <p>Every instance reads the whole topic from the beginning, without a consumer group (manual
 * assignment of all partitions, no commits), and keeps consuming for changes on its own thread. Per
 * unit it keeps the snapshot with the highest {@code version}; a tombstone removes the unit and its
 * devices. A device moved from one unit to another ends up bound to the unit whose snapshot was
 * applied last. Lookups ({@link #isBound}, {@link #unitOf}, {@link #profileOf}) answer from memory.
 * The binding's {@code profile} (vendor deviations) is kept with it and applied to the device's
 * frames by {@link BindingProfiles}.
 *
 * <p>A topic that does not exist yet is looked up again every few seconds; partitions added later
 * are picked up the same way. Until the end of the log was reached once, {@link #isCaughtUp()} is
 * false and a device may be reported as unregistered.
 */
public final class UnitStreamBindings implements DeviceBindings, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(UnitStreamBindings.class);
  private static final Duration RECHECK = Duration.ofSeconds(5);

  private record UnitEntry(long version, Set<DeviceAddress> devices) {}

  /** A device's binding: its unit and the profile the archive names (null = the standard). */
  private record Bound(UnitId unit, String profile) {}

  private final String topic;
  private final KafkaConsumer<String, EventEnvelope<?>> consumer;
  private final Map<UnitId, UnitEntry> units = new HashMap<>(); // consumer thread only
  private final Map<DeviceAddress, Bound> devices = new ConcurrentHashMap<>();
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param operator whose unit stream to read
   * @param kafka client properties (at least {@code bootstrap.servers}; security settings are
   *     kept); deserializers, group and offset settings are set here
   */
  public UnitStreamBindings(OperatorId operator, Map<String, Object> kafka) {
    this.topic = TopicNames.of(operator, Stream.UNIT).toString();
    Map<String, Object> props = new HashMap<>(kafka);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventsDeserializer.class);
    props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-device-unit-bindings");
    @SuppressWarnings({"unchecked", "rawtypes"})
    KafkaConsumer<String, EventEnvelope<?>> c = new KafkaConsumer(props);
    this.consumer = c;
    this.thread = new Thread(this::run, "gw-unit-bindings");
    this.thread.setDaemon(true);
  }

  /** Starts consuming; returns at once. */
  public UnitStreamBindings start() {
    thread.start();
    return this;
  }

  @Override
  public boolean isBound(DeviceAddress device) {
    return devices.containsKey(device);
  }

  /** The unit the device is bound to, if any. */
  public Optional<UnitId> unitOf(DeviceAddress device) {
    return Optional.ofNullable(devices.get(device)).map(Bound::unit);
  }

  @Override
  public Optional<String> profileOf(DeviceAddress device) {
    return Optional.ofNullable(devices.get(device)).map(Bound::profile);
  }

  /** True once the end of the log was reached at least once. */
  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  /** Waits until the end of the log was reached once; true if it was within the timeout. */
  @Override
  public boolean awaitComplete(Duration timeout) throws InterruptedException {
    return awaitCaughtUp(timeout);
  }

  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Number of bound devices. */
  public int size() {
    return devices.size();
  }

  private void run() {
    Set<TopicPartition> assigned = Set.of();
    Map<TopicPartition, Long> endAtStart = null;
    long nextCheck = 0;
    try {
      while (running) {
        if (System.nanoTime() - nextCheck >= 0) {
          nextCheck = System.nanoTime() + RECHECK.toNanos();
          Set<TopicPartition> now = partitions();
          if (!now.isEmpty() && !now.equals(assigned)) {
            Set<TopicPartition> added = new HashSet<>(now);
            added.removeAll(assigned);
            consumer.assign(now);
            consumer.seekToBeginning(added);
            assigned = now;
            if (endAtStart == null) {
              endAtStart = new HashMap<>(consumer.endOffsets(now));
            }
          } else if (now.isEmpty() && caughtUp.getCount() > 0) {
            caughtUp.countDown(); // no topic yet: nothing is bound, and that is complete
          }
        }
        if (assigned.isEmpty()) {
          sleep(200);
          continue;
        }
        try {
          for (ConsumerRecord<String, EventEnvelope<?>> r : consumer.poll(Duration.ofMillis(500))) {
            apply(r);
          }
        } catch (RecordDeserializationException e) {
          log.error(
              "Skipping an unreadable unit record at {}-{}", e.topicPartition(), e.offset(), e);
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
        if (endAtStart != null && caughtUp.getCount() > 0 && reached(endAtStart)) {
          caughtUp.countDown();
          log.info("Unit stream {} read: {} devices bound", topic, devices.size());
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      log.error("Unit stream consumer for {} stopped", topic, e);
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    for (var e : end.entrySet()) {
      if (consumer.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private Set<TopicPartition> partitions() {
    try {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
      Set<TopicPartition> out = new HashSet<>();
      if (infos != null) {
        for (PartitionInfo p : infos) {
          out.add(new TopicPartition(p.topic(), p.partition()));
        }
      }
      return out;
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      return Set.of();
    }
  }

  /** Applies one record of the unit stream (package-private for tests). */
  void apply(ConsumerRecord<String, EventEnvelope<?>> r) {
    if (r.key() == null) {
      return;
    }
    UnitId unit = UnitId.of(r.key());
    if (r.value() == null) {
      UnitEntry old = units.remove(unit);
      if (old != null) {
        old.devices().forEach(d -> unbind(d, unit));
      }
      return;
    }
    if (!(r.value().data() instanceof UnitArchiveChanged snapshot)) {
      return;
    }
    UnitEntry old = units.get(unit);
    if (old != null && snapshot.version() < old.version()) {
      return; // an older snapshot, republished
    }
    Map<DeviceAddress, Bound> now = new HashMap<>();
    for (UnitArchiveChanged.DeviceBinding b : snapshot.devices()) {
      String profile = b.profile() == null || b.profile().isBlank() ? null : b.profile().strip();
      now.put(b.device(), new Bound(unit, profile));
    }
    if (old != null) {
      for (DeviceAddress d : old.devices()) {
        if (!now.containsKey(d)) {
          unbind(d, unit);
        }
      }
    }
    devices.putAll(now);
    units.put(unit, new UnitEntry(snapshot.version(), Set.copyOf(now.keySet())));
  }

  /** Removes the device's binding if it is (still) bound to this unit. */
  private void unbind(DeviceAddress device, UnitId unit) {
    devices.computeIfPresent(device, (d, b) -> b.unit().equals(unit) ? null : b);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    if (!thread.isAlive()) {
      if (thread.getState() == Thread.State.NEW) {
        consumer.close(Duration.ofSeconds(2));
      }
      return;
    }
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
