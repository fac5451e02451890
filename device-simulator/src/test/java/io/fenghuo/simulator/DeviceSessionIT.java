package io.fenghuo.simulator;

import static io.fenghuo.simulator.Fixtures.LOOP_1_POINT_7;
import static io.fenghuo.simulator.Fixtures.UNIT_12_UITD;
import static io.fenghuo.simulator.Fixtures.fastConfig;
import static io.fenghuo.simulator.Fixtures.fireAt;
import static io.fenghuo.simulator.Fixtures.unit12Uitd;
import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.Gb26875Codec;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.ClockSync;
import io.fenghuo.gb26875.adu.ComponentAddress;
import io.fenghuo.gb26875.adu.ComponentQuery;
import io.fenghuo.gb26875.adu.ComponentStateBit;
import io.fenghuo.gb26875.adu.ComponentStatus;
import io.fenghuo.gb26875.adu.DutyCheck;
import io.fenghuo.gb26875.adu.FacilityOperationQuery;
import io.fenghuo.gb26875.adu.NoData;
import io.fenghuo.gb26875.adu.SystemQuery;
import io.fenghuo.gb26875.adu.SystemStateBit;
import io.fenghuo.gb26875.adu.SystemStatus;
import io.fenghuo.gb26875.adu.SystemType;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.adu.UitdOperation;
import io.fenghuo.gb26875.adu.UitdOperationBit;
import io.fenghuo.gb26875.adu.UitdOperationQuery;
import io.fenghuo.gb26875.adu.UitdRequest;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.session.RetransmissionPolicy;
import io.fenghuo.simulator.device.DeviceEvent;
import io.fenghuo.simulator.device.PointSelector;
import io.fenghuo.simulator.device.UploadKind;
import io.fenghuo.simulator.report.Report;
import io.fenghuo.simulator.scenario.Scenario;
import io.fenghuo.simulator.session.Delivery;
import io.fenghuo.simulator.session.DutyCheckBehaviour;
import io.fenghuo.simulator.session.HeartbeatMode;
import io.fenghuo.simulator.session.SimulatedDevice;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One simulated UITD against the test centre over real TCP. */
class DeviceSessionIT {

  private final TestCentre centre = TestCentre.start();
  private Fleet fleet;

  @AfterEach
  void tearDown() {
    if (fleet != null) {
      fleet.close();
    }
    centre.close();
  }

  private SimulatedDevice startUnit12(SimulatorConfig config) throws InterruptedException {
    fleet = Fleet.start(config, List.of(unit12Uitd()), Scenario.EMPTY);
    assertThat(fleet.awaitConnected(1, Duration.ofSeconds(5))).isTrue();
    assertThat(centre.awaitKnown(UNIT_12_UITD, Duration.ofSeconds(5))).isTrue();
    return fleet.device(0);
  }

  @Test
  void uploadsAFireAlarmThatTheCentreConfirms() throws Exception {
    SimulatedDevice uitd = startUnit12(fastConfig(centre.address()).build());

    List<Delivery> deliveries = uitd.apply(fireAt(LOOP_1_POINT_7)).get(5, TimeUnit.SECONDS);

    assertThat(deliveries)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.confirmed()).isTrue();
              assertThat(d.kind()).isEqualTo(UploadKind.FIRE);
              assertThat(d.retransmissions()).isZero();
            });
    List<Gb26875Message> fires =
        centre.uploadsFrom(UNIT_12_UITD, m -> m.data().typeFlagValue() == 2);
    ComponentStatus status =
        ((TypedData) fires.get(0).data()).objects(ComponentStatus.class).get(0);
    assertThat(status.state().has(ComponentStateBit.FIRE_ALARM)).isTrue();
    assertThat(status.componentAddress().low16()).isEqualTo(1); // loop 1
    assertThat(status.componentAddress().high16()).isEqualTo(7); // point 7
    assertThat(status.description()).isEqualTo("3F 东走廊 感烟");
    assertThat(fleet.report("now").uploadToConfirmMillis().count()).isPositive();
  }

  @Test
  void retransmitsAnUnconfirmedUploadWithTheSameSerialUntilConfirmed() throws Exception {
    ConcurrentHashMap<Integer, Integer> seen = new ConcurrentHashMap<>();
    centre.confirmOnly(
        m -> m.data().typeFlagValue() != 2 || seen.merge(m.header().serial(), 1, Integer::sum) > 2);
    SimulatedDevice uitd = startUnit12(fastConfig(centre.address()).build());

    Delivery d = uitd.apply(fireAt(LOOP_1_POINT_7)).get(5, TimeUnit.SECONDS).get(0);

    assertThat(d.confirmed()).isTrue();
    assertThat(d.retransmissions()).isEqualTo(2);
    List<TestCentre.Received> copies =
        centre.uploads().stream().filter(r -> r.message().data().typeFlagValue() == 2).toList();
    assertThat(copies).hasSize(3);
    assertThat(copies)
        .extracting(r -> r.message().header().serial())
        .containsOnly(copies.get(0).message().header().serial());
    assertThat(copies)
        .extracting(TestCentre.Received::duplicate)
        .containsExactly(false, true, true);
    assertThat(fleet.report("now").uploads().retransmissions()).isEqualTo(2);
  }

  @Test
  void givesUpAfterThreeRetriesAndReportsTheFailure() throws Exception {
    centre.confirmOnly(m -> m.data().typeFlagValue() != 2);
    SimulatedDevice uitd = startUnit12(fastConfig(centre.address()).build());

    Delivery d = uitd.apply(fireAt(LOOP_1_POINT_7)).get(5, TimeUnit.SECONDS).get(0);

    assertThat(d.confirmed()).isFalse();
    assertThat(d.retransmissions()).isEqualTo(3);
    assertThat(centre.uploads().stream().filter(r -> r.message().data().typeFlagValue() == 2))
        .hasSize(4); // first send + 3 retries (§6.5)
    Report report = fleet.report("now");
    assertThat(report.uploads().failed()).isEqualTo(1);
    assertThat(report.uploads().byKind().get("fire").failed()).isEqualTo(1);
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.device()).isEqualTo("0140609623b2");
              assertThat(f.kind()).isEqualTo("fire");
              assertThat(f.reason()).contains("retries");
            });
    assertThat(report.isClean()).isFalse();
  }

  @Test
  void answersEveryReadWithItsCurrentState() throws Exception {
    SimulatedDevice uitd = startUnit12(fastConfig(centre.address()).build());
    uitd.apply(fireAt(LOOP_1_POINT_7)).get(5, TimeUnit.SECONDS);
    TimeLabel longAgo = TimeLabel.of(LocalDateTime.of(2020, 1, 1, 0, 0));
    SystemQuery fireSystem = new SystemQuery(SystemType.FIRE_ALARM_SYSTEM, 1);
    ComponentQuery smoke =
        new ComponentQuery(SystemType.FIRE_ALARM_SYSTEM, 1, ComponentAddress.of(LOOP_1_POINT_7));
    List<TypedData> reads =
        List.of(
            TypedData.of(TypeFlag.READ_SYSTEM_STATE, fireSystem),
            TypedData.of(TypeFlag.READ_COMPONENT_STATE, smoke),
            TypedData.of(TypeFlag.READ_COMPONENT_ANALOG_VALUE, smoke),
            TypedData.of(
                TypeFlag.READ_FACILITY_OPERATIONS,
                new FacilityOperationQuery(SystemType.FIRE_ALARM_SYSTEM, 1, 10, longAgo)),
            TypedData.of(TypeFlag.READ_FACILITY_SOFTWARE_VERSION, fireSystem),
            TypedData.of(TypeFlag.READ_SYSTEM_CONFIGURATION, fireSystem),
            TypedData.of(TypeFlag.READ_COMPONENT_CONFIGURATION, smoke),
            TypedData.of(TypeFlag.READ_FACILITY_SYSTEM_TIME, fireSystem),
            TypedData.of(TypeFlag.READ_UITD_STATE, UitdRequest.STANDARD),
            TypedData.of(TypeFlag.READ_UITD_OPERATIONS, new UitdOperationQuery(10, longAgo)),
            TypedData.of(TypeFlag.READ_UITD_SOFTWARE_VERSION, UitdRequest.STANDARD),
            TypedData.of(TypeFlag.READ_UITD_CONFIGURATION, UitdRequest.STANDARD),
            TypedData.of(TypeFlag.READ_UITD_SYSTEM_TIME, UitdRequest.STANDARD));

    for (TypedData read : reads) {
      Gb26875Message answer = centre.send(UNIT_12_UITD, read).get(5, TimeUnit.SECONDS);
      assertThat(answer.command()).as("answer to %s", read.type()).isEqualTo(Command.RESPONSE);
      assertThat(answer.data().typeFlagValue()).isEqualTo(read.type().answerType().value());
    }

    TypedData system =
        (TypedData)
            centre
                .send(UNIT_12_UITD, TypedData.of(TypeFlag.READ_SYSTEM_STATE, fireSystem))
                .get(5, TimeUnit.SECONDS)
                .data();
    assertThat(system.objects(SystemStatus.class).get(0).state().has(SystemStateBit.FIRE_ALARM))
        .isTrue();
    TypedData component =
        (TypedData)
            centre
                .send(UNIT_12_UITD, TypedData.of(TypeFlag.READ_COMPONENT_STATE, smoke))
                .get(5, TimeUnit.SECONDS)
                .data();
    assertThat(
            component
                .objects(ComponentStatus.class)
                .get(0)
                .state()
                .has(ComponentStateBit.FIRE_ALARM))
        .isTrue();
    assertThat(fleet.report("now").downlinks().answered()).isEqualTo(reads.size() + 2);
  }

  @Test
  void appliesAClockSyncAndStampsLaterFramesWithTheNewTime() throws Exception {
    SimulatedDevice uitd = startUnit12(fastConfig(centre.address()).build());
    LocalDateTime centreTime =
        LocalDateTime.now(SimulatorConfig.DEFAULT_ZONE)
            .plusHours(1)
            .truncatedTo(ChronoUnit.SECONDS);

    Gb26875Message reply =
        centre
            .send(
                UNIT_12_UITD,
                TypedData.of(TypeFlag.SYNCHRONISE_CLOCK, new ClockSync(TimeLabel.of(centreTime))))
            .get(5, TimeUnit.SECONDS);

    assertThat(reply.command()).isEqualTo(Command.CONFIRM);
    assertThat(uitd.clockOffset()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
    Delivery d = uitd.apply(fireAt(LOOP_1_POINT_7)).get(5, TimeUnit.SECONDS).get(0);
    assertThat(d.confirmed()).isTrue();
    Gb26875Message fire =
        centre.uploadsFrom(UNIT_12_UITD, m -> m.data().typeFlagValue() == 2).get(0);
    assertThat(Duration.between(centreTime, fire.header().time().dateTime()).abs())
        .isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void confirmsInitialisation() throws Exception {
    startUnit12(fastConfig(centre.address()).build());

    Gb26875Message reply =
        centre
            .send(UNIT_12_UITD, TypedData.of(TypeFlag.INITIALISE_UITD, UitdRequest.STANDARD))
            .get(5, TimeUnit.SECONDS);

    assertThat(reply.command()).isEqualTo(Command.CONFIRM);
  }

  @Test
  void answersADutyCheckWithAnOperationRecordAfterTheHumanDelay() throws Exception {
    startUnit12(fastConfig(centre.address()).build()); // delay 200–300 ms
    long sent = System.nanoTime();

    Gb26875Message confirm =
        centre
            .send(UNIT_12_UITD, TypedData.of(TypeFlag.DUTY_CHECK, new DutyCheck(5)))
            .get(5, TimeUnit.SECONDS);
    assertThat(confirm.command()).isEqualTo(Command.CONFIRM);

    List<Gb26875Message> replies = awaitDutyReplies(Duration.ofSeconds(3));
    long waited = System.nanoTime() - sent;
    assertThat(replies).hasSize(1);
    UitdOperation op = ((TypedData) replies.get(0).data()).objects(UitdOperation.class).get(0);
    assertThat(op.operation().has(UitdOperationBit.DUTY_CHECK_REPLY)).isTrue();
    assertThat(op.operator()).isEqualTo(7);
    assertThat(Duration.ofNanos(waited)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(fleet.report("now").downlinks().dutyCheckReplies()).isEqualTo(1);
  }

  @Test
  void leavesADutyCheckUnansweredAtMissRateOne() throws Exception {
    startUnit12(
        fastConfig(centre.address())
            .dutyCheck(new DutyCheckBehaviour(Duration.ZERO, Duration.ofMillis(50), 1.0, 1))
            .build());

    Gb26875Message confirm =
        centre
            .send(UNIT_12_UITD, TypedData.of(TypeFlag.DUTY_CHECK, new DutyCheck(1)))
            .get(5, TimeUnit.SECONDS);

    assertThat(confirm.command()).isEqualTo(Command.CONFIRM); // the UITD itself still confirms
    Thread.sleep(500);
    assertThat(awaitDutyReplies(Duration.ZERO)).isEmpty();
    assertThat(fleet.report("now").downlinks().dutyChecksMissed()).isEqualTo(1);
  }

  @Test
  void deniesAFrameWithABadChecksum() throws Exception {
    startUnit12(fastConfig(centre.address()).build());
    Gb26875Message read =
        centre
            .endpoint(UNIT_12_UITD)
            .read(TypedData.of(TypeFlag.READ_UITD_STATE, UitdRequest.STANDARD));
    ByteBuf buf = Unpooled.buffer();
    Gb26875Codec.encode(read, DeviceProfile.STANDARD, buf);
    byte[] bytes = ByteBufUtil.getBytes(buf);
    bytes[bytes.length - 3]++; // checksum byte, just before the 23 23 end marker
    var reply = centre.expectReply(UNIT_12_UITD, read.header().serial());

    centre.sendBytes(UNIT_12_UITD, bytes);

    assertThat(reply.get(5, TimeUnit.SECONDS).command()).isEqualTo(Command.DENY);
  }

  @Test
  void sendsType21HeartbeatsWhenConfiguredTo() throws Exception {
    startUnit12(
        fastConfig(centre.address())
            .heartbeat(HeartbeatMode.UITD_STATE, Duration.ofMillis(100))
            .build());
    Thread.sleep(400);

    assertThat(centre.uploadsFrom(UNIT_12_UITD, m -> m.data().typeFlagValue() == 21)).isNotEmpty();
    assertThat(centre.uploadsFrom(UNIT_12_UITD, m -> m.data() instanceof NoData)).isEmpty();
    assertThat(fleet.report("now").uploads().byKind().get("heartbeat").confirmed()).isPositive();
  }

  @Test
  void reconnectsAfterTheCentreRestartsAndDeliversTheAlarmRaisedMeanwhile() throws Exception {
    SimulatedDevice uitd = startUnit12(fastConfig(centre.address()).build());

    centre.stopListening();
    awaitCondition(() -> !uitd.isConnected(), Duration.ofSeconds(5));
    var fire = uitd.apply(fireAt(LOOP_1_POINT_7)); // queued while the link is down
    Thread.sleep(300);
    assertThat(fire).isNotDone();
    centre.restart();

    Delivery d = fire.get(10, TimeUnit.SECONDS).get(0);
    assertThat(d.confirmed()).isTrue();
    assertThat(uitd.isConnected()).isTrue();
    Report report = fleet.report("now");
    assertThat(report.connections().established()).isGreaterThanOrEqualTo(2);
    assertThat(report.connections().lost()).isGreaterThanOrEqualTo(1);
    assertThat(report.uploads().byKind().get("fire").confirmed()).isEqualTo(1);
  }

  @Test
  void resetClearsTheFireAndRecordsTheOperation() throws Exception {
    SimulatedDevice uitd = startUnit12(fastConfig(centre.address()).build());
    uitd.apply(fireAt(LOOP_1_POINT_7)).get(5, TimeUnit.SECONDS);

    List<Delivery> reset =
        uitd.apply(new DeviceEvent.Reset(PointSelector.FIRST_SYSTEM, 3)).get(5, TimeUnit.SECONDS);

    assertThat(reset)
        .extracting(Delivery::kind)
        .containsExactly(UploadKind.OPERATION, UploadKind.RESET);
    assertThat(reset).allMatch(Delivery::confirmed);
    List<Gb26875Message> states =
        centre.uploadsFrom(UNIT_12_UITD, m -> m.data().typeFlagValue() == 2);
    ComponentStatus last =
        ((TypedData) states.get(states.size() - 1).data()).objects(ComponentStatus.class).get(0);
    assertThat(last.state().has(ComponentStateBit.FIRE_ALARM)).isFalse();
  }

  @Test
  void acceptsTheStandardRetransmissionPolicyByDefault() {
    assertThat(SimulatorConfig.builder(centre.address()).build().retransmission())
        .isEqualTo(RetransmissionPolicy.STANDARD);
  }

  private List<Gb26875Message> awaitDutyReplies(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Gb26875Message> replies;
    do {
      replies = centre.uploadsFrom(UNIT_12_UITD, m -> m.data().typeFlagValue() == 24);
      if (!replies.isEmpty()) {
        return replies;
      }
      Thread.sleep(10);
    } while (System.nanoTime() < deadline);
    return replies;
  }

  private static void awaitCondition(java.util.function.BooleanSupplier c, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!c.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(c.getAsBoolean()).isTrue();
  }
}
