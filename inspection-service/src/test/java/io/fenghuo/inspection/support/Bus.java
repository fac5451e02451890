package io.fenghuo.inspection.support;

import io.fenghuo.contracts.command.CommandKind;
import io.fenghuo.contracts.command.CommandOutcome;
import io.fenghuo.contracts.command.DeviceCommandCompleted;
import io.fenghuo.contracts.command.DeviceCommandRequested;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.kafka.CloudEventsDeserializer;
import io.fenghuo.contracts.kafka.CloudEventsSerializer;
import io.fenghuo.contracts.signal.PointRef;
import io.fenghuo.contracts.signal.StateFlag;
import io.fenghuo.contracts.signal.StatusChanged;
import io.fenghuo.contracts.signal.StatusSource;
import io.fenghuo.contracts.signal.TelemetryKind;
import io.fenghuo.contracts.signal.TelemetryReported;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.contracts.unit.UnitCategory;
import io.fenghuo.testkit.TestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The gateway and unit-service as the inspection-service sees them: records on the real bus. */
public final class Bus {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final URI GATEWAY = URI.create("/fenghuo/gateway-device/it");

  /** The maintenance company of the test units. */
  public static final String COMPANY = "杭州安消维保有限公司";

  private Bus() {}

  /** A fresh operator (tenant) for one test. */
  public static String anOperator() {
    return "it-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet();
  }

  /** A fresh device address. */
  public static DeviceAddress aDevice() {
    return DeviceAddress.of(
        String.format(
            "%012x",
            (System.nanoTime() ^ ((long) SEQ.incrementAndGet() << 40)) & 0xFFFF_FFFF_FFFFL));
  }

  /** Creates the operator's topics. */
  public static void createTopics(String operator, int partitions) {
    try (Admin admin =
        Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
      List<NewTopic> topics = new ArrayList<>();
      for (Stream s :
          List.of(
              Stream.SIGNAL_STATUS,
              Stream.SIGNAL_TELEMETRY,
              Stream.DEVICE_CONNECTION,
              Stream.DEVICE_COMMAND,
              Stream.DEVICE_COMMAND_RESULT,
              Stream.UNIT,
              Stream.FAULT)) {
        topics.add(
            new NewTopic(
                TopicNames.of(OperatorId.of(operator), s).toString(), partitions, (short) 1));
      }
      admin.createTopics(topics).all().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The smoke detector component {@code c} of system 1/1. */
  public static PointRef detector(long c) {
    return PointRef.component(1, 1, 40, c);
  }

  /**
   * A hospital: one building, the fire alarm system 1/1 on the device, smoke detectors at the given
   * component addresses on floor 3, a maintenance contract valid this year.
   */
  public static UnitArchiveChanged aHospital(
      String unitId, DeviceAddress device, long... components) {
    return aHospital(unitId, COMPANY, device, components);
  }

  /** {@link #aHospital(String, DeviceAddress, long...)} maintained by the given company. */
  public static UnitArchiveChanged aHospital(
      String unitId, String company, DeviceAddress device, long... components) {
    List<UnitArchiveChanged.PointLocation> points = new ArrayList<>();
    for (long c : components) {
      points.add(
          new UnitArchiveChanged.PointLocation(device, detector(c), "3层东侧走廊 " + c, "B1", 3, "3F"));
    }
    LocalDate today = LocalDate.now();
    return new UnitArchiveChanged(
        UnitId.of(unitId),
        1,
        Instant.now(),
        "西湖区人民医院",
        "91330106MA000001X1",
        UnitCategory.CROWDED_PLACE,
        "330106",
        "浙江省杭州市西湖区文三路1号",
        new UnitArchiveChanged.Coordinates(30.2741, 120.1551),
        "0571-88000001",
        "0571-88000119",
        new UnitArchiveChanged.Person("王建国", "13900000001"),
        new UnitArchiveChanged.Person("李明", "13900000002"),
        List.of(new UnitArchiveChanged.Contact("张伟", "值班员", "13900000003")),
        null,
        new UnitArchiveChanged.MaintenanceContract(
            company, "0571-86000000", today.minusYears(1), today.plusYears(1)),
        List.of(new UnitArchiveChanged.Building("B1", "1号楼", 12, 2)),
        List.of(new UnitArchiveChanged.DeviceBinding(device, "UITD-9000", null)),
        List.of(new UnitArchiveChanged.FacilitySystem(device, 1, 1, "1号楼火灾报警控制器")),
        points);
  }

  /** A component state with the given conditions, received now. */
  public static StatusChanged aComponentState(
      DeviceAddress device, long component, StateFlag... flags) {
    Instant now = Instant.now();
    return new StatusChanged(
        device,
        StatusSource.COMPONENT,
        detector(component),
        flags.length == 0 ? Set.of() : Set.of(flags),
        1,
        "感烟 " + component,
        now,
        now,
        SEQ.incrementAndGet() % 65536);
  }

  /** A system state with the given conditions, received now. */
  public static StatusChanged aSystemState(DeviceAddress device, StateFlag... flags) {
    Instant now = Instant.now();
    return new StatusChanged(
        device,
        StatusSource.SYSTEM,
        PointRef.system(1, 1),
        flags.length == 0 ? Set.of() : Set.of(flags),
        1,
        null,
        now,
        now,
        SEQ.incrementAndGet() % 65536);
  }

  /** A heartbeat received now. */
  public static TelemetryReported aHeartbeat(DeviceAddress device) {
    Instant now = Instant.now();
    return new TelemetryReported(
        device,
        TelemetryKind.HEARTBEAT,
        null,
        null,
        null,
        null,
        null,
        now,
        SEQ.incrementAndGet() % 65536);
  }

  /** The gateway's answer to a command. */
  public static DeviceCommandCompleted answered(DeviceCommandRequested command) {
    return new DeviceCommandCompleted(
        command.commandId(),
        command.device(),
        command.kind(),
        CommandOutcome.ANSWERED,
        1,
        "gw-it",
        null,
        Instant.now());
  }

  /** Wraps with a fresh event id. */
  public static <T extends FenghuoEvent> EventEnvelope<T> envelope(String operator, T data) {
    return new EventEnvelope<>(
        UUID.randomUUID().toString(), GATEWAY, Instant.now(), OperatorId.of(operator), data);
  }

  /** Sends envelopes and waits for the acknowledgements. */
  public static void send(Stream stream, EventEnvelope<?>... envelopes) {
    send(stream, List.of(envelopes));
  }

  /** Sends envelopes and waits for the acknowledgements. */
  public static void send(Stream stream, List<? extends EventEnvelope<?>> envelopes) {
    Properties props = new Properties();
    props.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (var producer =
        new KafkaProducer<String, EventEnvelope<?>>(
            props, new StringSerializer(), new CloudEventsSerializer())) {
      for (EventEnvelope<?> e : envelopes) {
        producer
            .send(new ProducerRecord<>(TopicNames.of(e.operator(), stream).toString(), e.key(), e))
            .get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every record of one of the operator's topics, read until quiet. */
  public static List<EventEnvelope<FenghuoEvent>> read(
      String operator, Stream stream, Duration quiet) {
    String topic = TopicNames.of(OperatorId.of(operator), stream).toString();
    Properties props = new Properties();
    props.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "inspection-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new CloudEventsDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<EventEnvelope<FenghuoEvent>> found = new ArrayList<>();
      long last = System.nanoTime();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline && System.nanoTime() - last < quiet.toNanos()) {
        for (var r : consumer.poll(Duration.ofMillis(200))) {
          found.add(r.value());
          last = System.nanoTime();
        }
      }
      return found;
    }
  }

  /** The device commands the service requested, in order. */
  public static List<DeviceCommandRequested> commands(
      String operator, DeviceAddress device, CommandKind kind, Duration quiet) {
    return read(operator, Stream.DEVICE_COMMAND, quiet).stream()
        .map(EventEnvelope::data)
        .filter(DeviceCommandRequested.class::isInstance)
        .map(DeviceCommandRequested.class::cast)
        .filter(c -> c.device().equals(device) && (kind == null || c.kind() == kind))
        .toList();
  }
}
