package io.fenghuo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.gateway.bindings.StaticDeviceBindings;
import io.fenghuo.gateway.support.GatewayHarness;
import io.fenghuo.gateway.support.TestUitd;
import io.fenghuo.gateway.support.Topics;
import io.fenghuo.gb26875.Gb26875Codec;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.testkit.TestInfrastructure;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input and abuse: the gateway stays up, serves the others, and counts every case. */
class ProtectionIT {

  static final Duration WAIT = Duration.ofSeconds(15);
  static Gateway gateway;

  @BeforeAll
  static void start() throws Exception {
    OperatorId op = GatewayHarness.freshOperator("prot");
    Topics.create(TestInfrastructure.kafka(), op, 1, (short) 1);
    gateway =
        GatewayHarness.start(
            GatewayHarness.settings(op, "gw-prot")
                .maxConnectionsPerSourceAddress(20)
                .maxFramesPerSecond(100_000)
                .build(),
            TestInfrastructure.kafka(),
            StaticDeviceBindings.everyDevice());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static double count(String name, String... tags) {
    return gateway.metrics().count(name, tags);
  }

  @Test
  void aHalfFrameThatNeverCompletesIsClosedAfterTheReadTimeout() throws Exception {
    try (TestUitd slow = new TestUitd(0x0000_0c00_0001L, gateway.address())) {
      byte[] wire = Gb26875Codec.encode(slow.fault(1), DeviceProfile.STANDARD);
      slow.sendRaw(Arrays.copyOf(wire, 20));
      await().atMost(WAIT).until(slow::isClosedByPeer);
    }
    assertThat(count("fenghuo.gateway.protection", "limit", "half_frame_timeout")).isPositive();
  }

  @Test
  void anOverLongLengthIsDeniedAndTheNextFrameIsAccepted() throws Exception {
    try (TestUitd uitd = new TestUitd(0x0000_0c00_0002L, gateway.address())) {
      byte[] wire = Gb26875Codec.encode(uitd.fault(1), DeviceProfile.STANDARD);
      wire[24] = (byte) 0xD0; // ADU length 0x07D0 = 2000 > 1024
      wire[25] = 0x07;
      uitd.sendRaw(wire);
      assertThat(uitd.awaitDeny(WAIT)).isNotNull();
      Gb26875Message next = uitd.fault(2);
      uitd.send(next);
      assertThat(uitd.awaitConfirm(next.header().serial(), WAIT)).isNotNull();
    }
    assertThat(count("fenghuo.gateway.denies", "reason", "adu_too_long")).isPositive();
  }

  @Test
  void aHundredThousandFuzzedFramesLeaveTheGatewayServingOthers() throws Exception {
    Random random = new Random(26875);
    byte[][] seeds;
    try (TestUitd template = new TestUitd(0x0000_0c00_0003L, gateway.address())) {
      seeds =
          new byte[][] {
            Gb26875Codec.encode(template.fault(1), DeviceProfile.STANDARD),
            Gb26875Codec.encode(template.fireAlarm(2, "fuzz"), DeviceProfile.STANDARD),
            Gb26875Codec.encode(template.heartbeat(), DeviceProfile.STANDARD),
            Gb26875Codec.encode(template.dutyCheckReply(), DeviceProfile.STANDARD)
          };
    }
    int sent = 0;
    int reconnects = 0;
    TestUitd fuzzer = new TestUitd(0x0000_0c00_0003L, gateway.address());
    fuzzer.send(fuzzer.heartbeat()); // a known device, so that the session is not closed at once
    java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
    while (sent < 100_000) {
      byte[] f = seeds[random.nextInt(seeds.length)].clone();
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        f[random.nextInt(f.length)] = (byte) random.nextInt(256);
      }
      if (random.nextInt(10) == 0) {
        f = Arrays.copyOf(f, random.nextInt(f.length));
      }
      batch.write(f);
      sent++;
      if (batch.size() > 8_192) {
        try {
          fuzzer.sendRaw(batch.toByteArray());
        } catch (IOException closed) {
          reconnects++;
          fuzzer.close();
          fuzzer = new TestUitd(0x0000_0c00_0003L, gateway.address());
          fuzzer.send(fuzzer.heartbeat());
        }
        batch.reset();
      }
    }
    fuzzer.sendRaw(batch.toByteArray());
    long[] last = {-1};
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              long now =
                  gateway.statistics().framesAccepted() + gateway.statistics().totalRejections();
              boolean settled = now == last[0];
              last[0] = now;
              return settled;
            });
    fuzzer.close();

    // Meanwhile and afterwards, an honest device is served.
    try (TestUitd honest = new TestUitd(0x0000_0c00_0004L, gateway.address())) {
      Gb26875Message alarm = honest.fireAlarm(9, "honest");
      honest.send(alarm);
      assertThat(honest.awaitConfirm(alarm.header().serial(), WAIT)).isNotNull();
    }
    double rejected = gateway.statistics().totalRejections();
    System.out.printf(
        "fuzz: %d frames sent, %d reconnects, decoder rejections %.0f, accepted %d%n",
        sent, reconnects, rejected, gateway.statistics().framesAccepted());
    assertThat(rejected + gateway.statistics().framesAccepted()).isGreaterThan(10_000);
    assertThat(count("fenghuo.gateway.decode.errors", "reason", "bad_checksum")).isPositive();
  }

  @Test
  void connectionsOverThePerAddressLimitAreRefusedAndCounted() throws Exception {
    Socket[] open = new Socket[25];
    try {
      for (int i = 0; i < open.length; i++) {
        open[i] = connect();
      }
      await()
          .atMost(WAIT)
          .until(
              () ->
                  count("fenghuo.gateway.protection", "limit", "max_connections_per_address") >= 5);
    } finally {
      for (Socket s : open) {
        if (s != null) {
          s.close();
        }
      }
    }
  }

  private static Socket connect() throws IOException {
    Socket s = new Socket();
    s.connect(gateway.address(), 5_000);
    return s;
  }
}
