package io.fenghuo.gb26875.netty;

import static io.fenghuo.gb26875.Wire.channel;
import static io.fenghuo.gb26875.Wire.decode;
import static io.fenghuo.gb26875.Wire.decodeOne;
import static io.fenghuo.gb26875.Wire.drain;
import static io.fenghuo.gb26875.Wire.hex;
import static io.fenghuo.gb26875.Wire.rejectOne;
import static io.fenghuo.gb26875.Wire.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.Wire;
import io.fenghuo.gb26875.adu.ComponentStateBit;
import io.fenghuo.gb26875.adu.ComponentStatus;
import io.fenghuo.gb26875.adu.ComponentType;
import io.fenghuo.gb26875.adu.NoData;
import io.fenghuo.gb26875.adu.SystemQuery;
import io.fenghuo.gb26875.adu.SystemType;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.frame.FrameDefect;
import io.fenghuo.gb26875.frame.FrameRejected;
import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing (§6.6 table 1) and verification (§6.5.3) through an {@link EmbeddedChannel}. */
class FrameDecodingTest {

  private static final byte[] ALARM = hex(Wire.FIREMASTER_FIRE_ALARM);
  private static final byte[] CONFIRM = hex(Wire.FIREMASTER_CONFIRM);
  private static final byte[] READ = hex(Wire.READ_SYSTEM_STATE_REQUEST);

  @Test
  void decodesTheFireMasterFireAlarmFromTheAppendix() {
    Gb26875Message m = decodeOne(ALARM);
    assertThat(m.command()).isEqualTo(Command.SEND_DATA);
    assertThat(m.header().serial()).isEqualTo(1);
    assertThat(m.header().source()).isEqualTo(Address.of(0x0379));
    assertThat(m.header().destination()).isEqualTo(Address.of(88888));
    TypedData data = (TypedData) m.data();
    assertThat(data.type()).isEqualTo(TypeFlag.COMPONENT_STATE);
    ComponentStatus c = data.objects(ComponentStatus.class).get(0);
    assertThat(c.systemType()).isEqualTo(SystemType.FIRE_ALARM_SYSTEM);
    assertThat(c.systemAddress()).isEqualTo(1);
    assertThat(c.componentType()).isEqualTo(ComponentType.SMOKE_DETECTOR);
    assertThat(c.componentAddress().bytes()).containsExactly(0x0a, 0x00, 0x02, 0x00);
    assertThat(c.state().set()).containsExactly(ComponentStateBit.FIRE_ALARM);
    assertThat(c.description()).isEmpty(); // 30 spaces and a NUL
    assertThat(c.time().dateTime()).isEqualTo(LocalDateTime.of(2012, 9, 26, 9, 58, 2));
  }

  @Test
  void decodesTheFireMasterConfirmAndItMatchesOurConfirmOfTheAlarm() {
    Gb26875Message confirm = decodeOne(CONFIRM);
    assertThat(confirm.command()).isEqualTo(Command.CONFIRM);
    assertThat(confirm.data()).isEqualTo(NoData.INSTANCE);
    Gb26875Message ours =
        Gb26875Message.confirm(decodeOne(ALARM).header(), confirm.header().time());
    assertThat(ours).isEqualTo(confirm);
    EmbeddedChannel ch = channel();
    ch.writeOutbound(ours);
    assertThat(io.netty.buffer.ByteBufUtil.getBytes(ch.readOutbound())).isEqualTo(CONFIRM);
  }

  @Test
  void decodesTheReadSystemStateRequestFromTheAppendix() {
    Gb26875Message m = decodeOne(READ);
    assertThat(m.command()).isEqualTo(Command.REQUEST);
    assertThat(m.header().serial()).isEqualTo(3);
    assertThat(m.header().userVersion()).isEqualTo(6);
    assertThat(m.header().time().dateTime()).isEqualTo(LocalDateTime.of(2023, 6, 13, 17, 4, 30));
    assertThat(m.data())
        .isEqualTo(
            TypedData.of(
                TypeFlag.READ_SYSTEM_STATE, new SystemQuery(SystemType.FIRE_ALARM_SYSTEM, 2)));
  }

  @Test
  void decodesFrameFedOneByteAtATime() {
    EmbeddedChannel ch = channel();
    for (byte b : ALARM) {
      ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }
    List<Object> out = drain(ch);
    assertThat(out).hasSize(1).first().isInstanceOf(Gb26875Message.class);
  }

  @Test
  void decodesManyFramesInOneRead() {
    byte[] all =
        hex(
            Wire.FIREMASTER_FIRE_ALARM,
            Wire.FIREMASTER_CONFIRM,
            Wire.READ_SYSTEM_STATE_REQUEST,
            Wire.FIREMASTER_CONFIRM);
    List<Object> out = decode(channel(), all);
    assertThat(out).hasSize(4).allMatch(o -> o instanceof Gb26875Message);
  }

  @Test
  void doesNotSplitOnEndMarkerBytesInsideThePayload() {
    // Source address B2 23 23 60 40 01 and a description containing "##".
    byte[] frame =
        Wire.frame(
            "01 00", // serial 1
            "01 01", // versions
            "00 00 00 00 00 00", // all-zero time label
            "B2 23 23 60 40 01", // source address containing 23 23 and 40
            "00 00 00 00 00 00", // destination 0
            "08 00", // ADU length 8
            "02", // send data
            "1A 01", // type 26, 1 object
            "05 23 23 40 40 23"); // length 5, "##@@#"
    Gb26875Message m = decodeOne(frame);
    assertThat(m.header().source().bytes()).containsExactly(0xB2, 0x23, 0x23, 0x60, 0x40, 0x01);
    assertThat(m.header().time().isValid()).isFalse();
  }

  @Test
  void deniesFrameWithBadChecksum() {
    byte[] bad = ALARM.clone();
    bad[bad.length - 3] ^= 0x01;
    FrameRejected r = rejectOne(bad);
    assertThat(r.defect()).isEqualTo(FrameDefect.BAD_CHECKSUM);
    assertThat(r.isDeniable()).isTrue();
    assertThat(r.header().serial()).isEqualTo(1);
    assertThat(r.length()).isEqualTo(ALARM.length);
    assertThat(r.detail()).contains("0x47").contains("0x46");
  }

  @Test
  void deniesFrameWhosePayloadBitFlippedBecauseTheChecksumNoLongerMatches() {
    byte[] bad = ALARM.clone();
    bad[40] ^= 0x10;
    assertThat(rejectOne(bad).defect()).isEqualTo(FrameDefect.BAD_CHECKSUM);
  }

  @Test
  void deniesFrameWithReservedCommandByte() {
    FrameRejected r = rejectOne(Wire.withHeader("07", "19 00"));
    assertThat(r.defect()).isEqualTo(FrameDefect.UNKNOWN_COMMAND);
    assertThat(r.isDeniable()).isTrue();
    assertThat(r.detail()).contains("7");
  }

  @Test
  void acceptsUserDefinedCommandBytes() {
    assertThat(decodeOne(Wire.withHeader("80")).header().commandByte()).isEqualTo(0x80);
  }

  @Test
  void deniesFrameWhoseAduLengthExceeds1024AndResynchronises() {
    byte[] tooLong =
        Wire.frame(
            "01 00 01 01", // serial 1, versions
            "00 00 00 00 00 00", // time
            "01 00 00 00 00 00", // source 1
            "00 00 00 00 00 00", // destination 0
            "01 04", // ADU length 1025 (> 1024)
            "02"); // command
    List<Object> out =
        decode(channel(), hex(io.fenghuo.gb26875.Hex.format(tooLong), Wire.FIREMASTER_CONFIRM));
    FrameRejected r = (FrameRejected) out.get(0);
    assertThat(r.defect()).isEqualTo(FrameDefect.ADU_TOO_LONG);
    assertThat(r.isDeniable()).isTrue();
    assertThat(r.detail()).contains("1025");
    assertThat(out.get(out.size() - 1)).isInstanceOf(Gb26875Message.class);
  }

  @Test
  void deniesFrameWithBadEndMarkerAndFindsTheNextFrame() {
    byte[] bad = ALARM.clone();
    bad[bad.length - 1] = 0x24;
    List<Object> out = decode(channel(), concat(bad, CONFIRM));
    FrameRejected r = (FrameRejected) out.get(0);
    assertThat(r.defect()).isEqualTo(FrameDefect.BAD_END_MARKER);
    assertThat(r.isDeniable()).isTrue();
    assertThat(r.detail()).contains("23 24");
    assertThat(out.get(out.size() - 1)).isInstanceOf(Gb26875Message.class);
  }

  @Test
  void findsTheFramesBehindACorruptedLengthField() {
    byte[] bad = ALARM.clone();
    bad[25] = 0x01; // length 0x0130 = 304: the decoder waits for 334 bytes
    EmbeddedChannel ch = channel();
    assertThat(decode(ch, concat(bad, CONFIRM, READ))).isEmpty();
    List<Object> out =
        decode(ch, concat(CONFIRM, CONFIRM, CONFIRM, CONFIRM, CONFIRM, CONFIRM, CONFIRM));
    FrameRejected r = (FrameRejected) out.get(0);
    assertThat(r.defect()).isEqualTo(FrameDefect.BAD_END_MARKER);
    assertThat(r.length()).isEqualTo(ALARM.length); // dropped up to the next 40 40, not 334 bytes
    assertThat(out.subList(1, out.size())).hasSize(9).allMatch(o -> o instanceof Gb26875Message);
  }

  @Test
  void skipsAStrayStartByteRightBeforeAFrame() {
    List<Object> out = decode(channel(), concat(hex("40"), ALARM));
    assertThat(out).hasSize(2);
    assertThat(((FrameRejected) out.get(0)).length()).isEqualTo(1);
    assertThat(out.get(1)).isInstanceOf(Gb26875Message.class);
  }

  @Test
  void reportsGarbageBeforeAFrameOnceAndResynchronises() {
    FrameStatistics stats = new FrameStatistics();
    EmbeddedChannel ch = channel(ProfileSelector.standard(), stats);
    byte[] garbage = hex("00 11 40 23 23 41 40 07");
    for (byte b : garbage) {
      ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }
    List<Object> out = decode(ch, ALARM);
    assertThat(out).hasSize(2);
    FrameRejected r = (FrameRejected) out.get(0);
    assertThat(r.defect()).isEqualTo(FrameDefect.NO_START_MARKER);
    assertThat(r.streamOffset()).isZero();
    assertThat(r.length()).isEqualTo(8);
    assertThat(r.isDeniable()).isFalse();
    assertThat(out.get(1)).isInstanceOf(Gb26875Message.class);
    assertThat(stats.rejectedBytes(FrameDefect.NO_START_MARKER)).isEqualTo(8);
    assertThat(stats.framesAccepted()).isEqualTo(1);
  }

  @Test
  void waitsForTheRestOfATruncatedFrameAndReportsItWhenTheChannelCloses() {
    EmbeddedChannel ch = channel();
    assertThat(decode(ch, Arrays.copyOf(ALARM, 50))).isEmpty();
    ch.finish();
    List<Object> out = drain(ch);
    FrameRejected r = (FrameRejected) out.get(0);
    assertThat(r.defect()).isEqualTo(FrameDefect.TRUNCATED);
    assertThat(r.length()).isEqualTo(50);
    assertThat(r.header().serial()).isEqualTo(1);
  }

  @Test
  void deniesAduWhoseObjectCountDoesNotFitTheLength() {
    FrameRejected r =
        rejectOne(
            upload(
                "01", // type 1
                "02", // 2 objects (20 bytes) ...
                "01 01 02 00 00 00 00 00 00 00")); // ... but only one present
    assertThat(r.defect()).isEqualTo(FrameDefect.MALFORMED_ADU);
    assertThat(r.isDeniable()).isTrue();
    assertThat(r.detail()).contains("2 objects × 10 bytes = 20").contains("10 bytes");
  }

  @Test
  void deniesAduWithMoreObjectsThanTheTypeAllows() {
    FrameRejected r = rejectOne(upload("19 02 01 00 01 00")); // type 25 allows 1 object
    assertThat(r.defect()).isEqualTo(FrameDefect.MALFORMED_ADU);
    assertThat(r.detail()).contains("n ≤ 1");
  }

  @Test
  void deniesVariableLengthObjectRunningPastTheAdu() {
    FrameRejected r = rejectOne(upload("1A 01 09 41 42")); // length 9, 2 bytes present
    assertThat(r.defect()).isEqualTo(FrameDefect.MALFORMED_ADU);
    assertThat(r.detail()).contains("length 9");
  }

  @Test
  void deniesAduWithTypeButNoObjectCount() {
    assertThat(rejectOne(upload("02")).defect()).isEqualTo(FrameDefect.MALFORMED_ADU);
  }

  @Test
  void buildsADenyThatEchoesTheSerialOfTheRejectedFrame() {
    byte[] bad = ALARM.clone();
    bad[bad.length - 3] ^= 0x01;
    FrameRejected r = rejectOne(bad);
    Gb26875Message deny =
        Gb26875Message.deny(r.header(), TimeLabel.of(LocalDateTime.of(2012, 9, 26, 9, 58, 35)));
    assertThat(deny.command()).isEqualTo(Command.DENY);
    assertThat(deny.header().serial()).isEqualTo(1);
    assertThat(deny.header().destination()).isEqualTo(r.header().source());
    assertThat(deny.header().source()).isEqualTo(r.header().destination());
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }
}
