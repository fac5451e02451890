package io.fenghuo.gateway.uplink;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.EventType;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.kafka.EventJson;
import io.fenghuo.contracts.signal.DeviceSignal;
import io.fenghuo.contracts.signal.UnregisteredDeviceReported;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.gateway.metrics.GatewayMetrics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces a frame's signals to Kafka on one of two lanes (fire first, ARCHITECTURE.md §6): the
 * alarm lane has its own worker thread and a producer tuned for latency ({@code linger.ms=0}), the
 * bulk lane batches. The returned future completes when Kafka acknowledged every signal ({@code
 * acks=all}, idempotent producer), and only then does the gateway confirm the frame.
 *
 * <p>Sends run on the lane's worker, never on a Netty event loop: {@code send} blocks while topic
 * metadata is unavailable (up to {@code max.block.ms}).
 *
 * <p>Signals of a device no unit has bound are wrapped as {@link UnregisteredDeviceReported} and go
 * to {@code signal.unregistered} instead of their lane's topic.
 */
public final class SignalPublisher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SignalPublisher.class);

  /** An alarm-lane publish slower than this is logged with where its time went. */
  static final long SLOW_ALARM_NANOS = 1_000_000_000L;

  private final OperatorId operator;
  private final URI source;
  private final String instanceId;
  private final Producer<String, EventEnvelope<?>> alarmProducer;
  private final Producer<String, EventEnvelope<?>> bulkProducer;
  private final ExecutorService alarmWorker;
  private final ExecutorService bulkWorker;
  private final GatewayMetrics metrics;

  public SignalPublisher(
      OperatorId operator,
      String instanceId,
      Producer<String, EventEnvelope<?>> alarmProducer,
      Producer<String, EventEnvelope<?>> bulkProducer,
      GatewayMetrics metrics) {
    this.operator = Objects.requireNonNull(operator, "operator");
    this.instanceId = instanceId;
    this.source = URI.create("/fenghuo/gateway-device/" + instanceId);
    this.alarmProducer = alarmProducer;
    this.bulkProducer = bulkProducer;
    this.metrics = metrics;
    this.alarmWorker = Executors.newSingleThreadExecutor(r -> thread(r, "gw-alarm-lane"));
    this.bulkWorker = Executors.newSingleThreadExecutor(r -> thread(r, "gw-bulk-lane"));
  }

  /** This instance's CloudEvents source. */
  public URI source() {
    return source;
  }

  /**
   * Publishes the signals of one frame.
   *
   * @param registered false if no unit has bound the device: the signals go to {@code
   *     signal.unregistered}
   * @param remoteAddress the peer, for unregistered reports; may be null
   * @return completes when Kafka acknowledged all of them; fails if any send failed
   */
  public CompletableFuture<Void> publish(
      Lane lane, List<NormalizedSignal> signals, boolean registered, String remoteAddress) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    boolean alarm = lane == Lane.ALARM;
    ExecutorService worker = alarm ? alarmWorker : bulkWorker;
    Producer<String, EventEnvelope<?>> producer = alarm ? alarmProducer : bulkProducer;
    long submitted = System.nanoTime();
    try {
      worker.execute(
          () -> {
            long started = System.nanoTime();
            try {
              List<CompletableFuture<Void>> acks = new ArrayList<>(signals.size());
              for (NormalizedSignal s : signals) {
                acks.add(send(producer, record(s, registered, remoteAddress)));
              }
              long sent = System.nanoTime();
              CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                  .whenComplete(
                      (ok, error) -> {
                        long acked = System.nanoTime();
                        metrics.produced(alarm, acked - started);
                        if (alarm && acked - submitted > SLOW_ALARM_NANOS) {
                          // Where an alarm's time went: queued behind the lane's worker, blocked
                          // in send() (metadata, buffer), or waiting for the broker's ack.
                          log.warn(
                              "alarm lane: {} signal(s) of {} {} after {} ms (worker queue {} ms,"
                                  + " send {} ms, Kafka {} ms)",
                              signals.size(),
                              signals.get(0).data().device(),
                              error == null ? "acknowledged" : "failed (" + error + ")",
                              (acked - submitted) / 1_000_000,
                              (started - submitted) / 1_000_000,
                              (sent - started) / 1_000_000,
                              (acked - sent) / 1_000_000);
                        }
                        metrics.published(
                            lane.name().toLowerCase(), error == null ? "ok" : "failed");
                        if (error == null) {
                          done.complete(null);
                        } else {
                          done.completeExceptionally(error);
                        }
                      });
            } catch (RuntimeException e) {
              metrics.published(lane.name().toLowerCase(), "failed");
              done.completeExceptionally(e);
            }
          });
    } catch (RuntimeException rejected) {
      done.completeExceptionally(rejected);
    }
    return done;
  }

  /**
   * Publishes one event outside the frame lanes (connection events, command results) on the bulk
   * producer.
   */
  public CompletableFuture<Void> publishEvent(
      String id, java.time.Instant time, FenghuoEvent data) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      bulkWorker.execute(
          () -> {
            try {
              EventEnvelope<?> envelope = new EventEnvelope<>(id, source, time, operator, data);
              send(
                      bulkProducer,
                      new ProducerRecord<>(
                          TopicNames.of(operator, envelope.type().stream()).toString(),
                          envelope.key(),
                          envelope))
                  .whenComplete(
                      (ok, e) -> {
                        if (e == null) {
                          done.complete(null);
                        } else {
                          done.completeExceptionally(e);
                        }
                      });
            } catch (RuntimeException e) {
              done.completeExceptionally(e);
            }
          });
    } catch (RuntimeException rejected) {
      done.completeExceptionally(rejected);
    }
    return done;
  }

  private ProducerRecord<String, EventEnvelope<?>> record(
      NormalizedSignal s, boolean registered, String remoteAddress) {
    DeviceSignal data = s.data();
    if (registered) {
      String topic = TopicNames.of(operator, s.type().stream()).toString();
      return new ProducerRecord<>(
          topic, data.key(), new EventEnvelope<>(s.id(), source, s.time(), operator, data));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> json = EventJson.mapper().convertValue(data, Map.class);
    UnregisteredDeviceReported wrapped =
        new UnregisteredDeviceReported(
            data.device(),
            s.type().wireName(),
            json,
            instanceId,
            remoteAddress,
            receivedAt(data, s));
    String id =
        UUID.nameUUIDFromBytes(("unregistered/" + s.id()).getBytes(StandardCharsets.US_ASCII))
            .toString();
    return new ProducerRecord<>(
        TopicNames.of(operator, Stream.SIGNAL_UNREGISTERED).toString(),
        wrapped.key(),
        new EventEnvelope<>(id, source, s.time(), operator, wrapped));
  }

  private static java.time.Instant receivedAt(DeviceSignal data, NormalizedSignal s) {
    if (data instanceof io.fenghuo.contracts.signal.FireAlarmRaised f) {
      return f.receivedAt();
    } else if (data instanceof io.fenghuo.contracts.signal.StatusChanged f) {
      return f.receivedAt();
    } else if (data instanceof io.fenghuo.contracts.signal.OperationRecorded f) {
      return f.receivedAt();
    } else if (data instanceof io.fenghuo.contracts.signal.TelemetryReported f) {
      return f.receivedAt();
    }
    return s.time();
  }

  private static CompletableFuture<Void> send(
      Producer<String, EventEnvelope<?>> producer, ProducerRecord<String, EventEnvelope<?>> r) {
    CompletableFuture<Void> ack = new CompletableFuture<>();
    producer.send(
        r,
        (metadata, error) -> {
          if (error == null) {
            ack.complete(null);
          } else {
            ack.completeExceptionally(error);
          }
        });
    return ack;
  }

  /** Types this publisher writes; for documentation and tests. */
  public static List<EventType> typesPublished() {
    return List.of(
        EventType.FIRE_ALARM_RAISED,
        EventType.STATUS_CHANGED,
        EventType.OPERATION_RECORDED,
        EventType.TELEMETRY_REPORTED,
        EventType.UNREGISTERED_DEVICE_REPORTED,
        EventType.DEVICE_CONNECTED,
        EventType.DEVICE_DISCONNECTED,
        EventType.DEVICE_COMMAND_COMPLETED);
  }

  @Override
  public void close() {
    alarmWorker.shutdown();
    bulkWorker.shutdown();
    try {
      alarmWorker.awaitTermination(5, TimeUnit.SECONDS);
      bulkWorker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    alarmProducer.close(Duration.ofSeconds(5));
    bulkProducer.close(Duration.ofSeconds(5));
  }

  private static Thread thread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
