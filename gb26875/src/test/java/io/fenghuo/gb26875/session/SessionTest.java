package io.fenghuo.gb26875.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.adu.SystemQuery;
import io.fenghuo.gb26875.adu.SystemState;
import io.fenghuo.gb26875.adu.SystemStatus;
import io.fenghuo.gb26875.adu.SystemType;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.adu.UitdSoftwareVersion;
import io.fenghuo.gb26875.profile.DeviceProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Serials, retransmission and duplicate detection (§6.5, table 1). */
class SessionTest {

  private static final Clock CLOCK =
      Clock.fixed(
          LocalDateTime.of(2024, 3, 5, 14, 30, 15).toInstant(ZoneOffset.ofHours(8)),
          ZoneId.of("Asia/Shanghai"));
  private static final long SECOND = 1_000_000_000L;

  private final Endpoint uitd =
      new Endpoint(Address.of(0x123456), Address.of(1), DeviceProfile.STANDARD, CLOCK);
  private final Endpoint centre =
      new Endpoint(Address.of(1), Address.of(0x123456), DeviceProfile.STANDARD, CLOCK);

  private static TypedData fireAlarm() {
    return TypedData.of(
        TypeFlag.SYSTEM_STATE,
        new SystemStatus(
            SystemType.FIRE_ALARM_SYSTEM,
            1,
            new SystemState(0x0003),
            io.fenghuo.gb26875.TimeLabel.of(LocalDateTime.of(2024, 3, 5, 14, 30, 10))));
  }

  @Test
  void startsSerialsAtZeroAndWrapsAfter65535() {
    assertThat(uitd.upload(fireAlarm()).header().serial()).isZero();
    assertThat(uitd.upload(fireAlarm()).header().serial()).isEqualTo(1);
    SerialCounter c = new SerialCounter(0xFFFF);
    assertThat(c.next()).isEqualTo(0xFFFF);
    assertThat(c.next()).isZero();
  }

  @Test
  void repliesEchoTheSerialAndSwapAddresses() {
    Gb26875Message up = uitd.upload(fireAlarm());
    Gb26875Message ack = centre.confirm(up.header());
    assertThat(ack.header().serial()).isEqualTo(up.header().serial());
    assertThat(ack.header().source()).isEqualTo(up.header().destination());
    assertThat(ack.header().destination()).isEqualTo(up.header().source());
    assertThat(centre.serials().peek()).isZero(); // replies do not consume serials
  }

  @Test
  void refusesToSendADownlinkTypeAsAnUpload() {
    assertThatThrownBy(
            () ->
                uitd.upload(
                    TypedData.of(
                        TypeFlag.READ_SYSTEM_STATE, new SystemQuery(SystemType.GENERIC, 0))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void completesAnUploadWhenTheConfirmArrives() {
    RetransmissionTracker tracker = new RetransmissionTracker(RetransmissionPolicy.STANDARD);
    Gb26875Message up = uitd.upload(fireAlarm());
    tracker.sent(up, 0);
    ExchangeOutcome o = tracker.onReply(centre.confirm(up.header()), SECOND);
    assertThat(o).isEqualTo(new ExchangeOutcome.Completed(up, centre.confirm(up.header())));
    assertThat(tracker.openExchanges()).isZero();
    assertThat(tracker.poll(60 * SECOND)).isEmpty();
  }

  @Test
  void retransmitsThreeTimesAfterTenSecondTimeoutsThenGivesUp() {
    RetransmissionTracker tracker = new RetransmissionTracker(RetransmissionPolicy.STANDARD);
    Gb26875Message up = uitd.upload(fireAlarm());
    tracker.sent(up, 0);
    assertThat(tracker.poll(10 * SECOND - 1)).isEmpty();
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(tracker.poll(attempt * 10 * SECOND))
          .containsExactly(new ExchangeOutcome.Retransmit(up, attempt, "timeout"));
    }
    assertThat(tracker.poll(40 * SECOND))
        .containsExactly(new ExchangeOutcome.GaveUp(up, "no reply after retries"));
    assertThat(tracker.openExchanges()).isZero();
  }

  @Test
  void retransmitsImmediatelyWhenDenied() {
    RetransmissionTracker tracker = new RetransmissionTracker(RetransmissionPolicy.STANDARD);
    Gb26875Message up = uitd.upload(fireAlarm());
    tracker.sent(up, 0);
    assertThat(tracker.onReply(centre.deny(up.header()), SECOND))
        .isEqualTo(new ExchangeOutcome.Retransmit(up, 1, "denied"));
  }

  @Test
  void completesAReadOnlyWithTheResponseOfTheMatchingType() {
    RetransmissionTracker tracker = new RetransmissionTracker(RetransmissionPolicy.STANDARD);
    Gb26875Message read =
        centre.read(
            TypedData.of(
                TypeFlag.READ_UITD_SOFTWARE_VERSION, io.fenghuo.gb26875.adu.UitdRequest.STANDARD));
    tracker.sent(read, 0);
    Gb26875Message wrong = uitd.respond(read.header(), fireAlarm());
    assertThat(tracker.onReply(wrong, SECOND)).isInstanceOf(ExchangeOutcome.Retransmit.class);
    Gb26875Message right =
        uitd.respond(
            read.header(),
            TypedData.of(TypeFlag.UITD_SOFTWARE_VERSION, new UitdSoftwareVersion(1, 2)));
    assertThat(right.command()).isEqualTo(Command.RESPONSE);
    assertThat(tracker.onReply(right, 2 * SECOND)).isInstanceOf(ExchangeOutcome.Completed.class);
  }

  @Test
  void ignoresRepliesNobodyWaitsFor() {
    RetransmissionTracker tracker = new RetransmissionTracker(RetransmissionPolicy.STANDARD);
    Gb26875Message up = uitd.upload(fireAlarm());
    assertThat(tracker.onReply(centre.confirm(up.header()), 0))
        .isInstanceOf(ExchangeOutcome.Unmatched.class);
  }

  @Test
  void rejectsTimeoutsAboveTenSeconds() {
    assertThatThrownBy(() -> new RetransmissionPolicy(Duration.ofSeconds(11), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6.5.4");
  }

  @Test
  void recognisesARetransmittedUploadEvenWithANewTimeLabel() {
    DuplicateFilter filter = DuplicateFilter.standard();
    Gb26875Message up = uitd.upload(fireAlarm());
    Gb26875Message again =
        new Gb26875Message(up.header().reply(Command.SEND_DATA, up.header().time()), up.data());
    Gb26875Message restamped =
        new Gb26875Message(
            new io.fenghuo.gb26875.FrameHeader(
                up.header().serial(),
                1,
                1,
                io.fenghuo.gb26875.TimeLabel.of(LocalDateTime.of(2024, 3, 5, 14, 30, 25)),
                up.header().source(),
                up.header().destination(),
                2),
            up.data());
    assertThat(filter.isDuplicate(up, 0)).isFalse();
    assertThat(filter.isDuplicate(restamped, SECOND)).isTrue();
    assertThat(filter.isDuplicate(again, SECOND)).as("other source").isFalse();
    assertThat(filter.isDuplicate(uitd.upload(fireAlarm()), SECOND)).as("new serial").isFalse();
    assertThat(filter.isDuplicate(restamped, 120 * SECOND)).as("window passed").isFalse();
  }
}
