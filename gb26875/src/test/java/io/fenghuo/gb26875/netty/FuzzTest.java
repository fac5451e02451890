package io.fenghuo.gb26875.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.gb26875.Gb26875Codec;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.RandomMessages;
import io.fenghuo.gb26875.Wire;
import io.fenghuo.gb26875.frame.FrameDefect;
import io.fenghuo.gb26875.frame.FrameLayout;
import io.fenghuo.gb26875.frame.FrameRejected;
import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.profile.ProfileSelector;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 100,000 mutated frames (bit flips, byte changes, insertions, deletions, truncations, splices,
 * garbage) fed in random chunk sizes. The pipeline must never throw, must never hold back more than
 * one maximal frame, must only emit messages and rejection reports, and must account for every
 * input byte as accepted, rejected or pending.
 */
class FuzzTest {

  private static final int FRAMES = 100_000;
  private static final int PER_CHANNEL = 2_000;

  @Test
  void survivesOneHundredThousandMutatedFramesWithinTheFrameBound() {
    Random random = new Random(26875);
    List<byte[]> corpus = corpus();
    long fed = 0;
    long messages = 0;
    for (int done = 0; done < FRAMES; done += PER_CHANNEL) {
      FrameStatistics stats = new FrameStatistics();
      EmbeddedChannel ch = Wire.channel(ProfileSelector.fixed(DeviceProfile.LENIENT), stats);
      Gb26875FrameDecoder decoder = ch.pipeline().get(Gb26875FrameDecoder.class);
      byte[] stream = stream(random, corpus, PER_CHANNEL);
      fed += stream.length;
      long malformedAdu = 0;
      int at = 0;
      while (at < stream.length) {
        int chunk = Math.min(stream.length - at, chunkSize(random));
        ch.writeInbound(Unpooled.wrappedBuffer(stream, at, chunk));
        at += chunk;
        ch.checkException();
        assertThat(decoder.pendingBytes()).isLessThan(FrameLayout.MAX_FRAME_LENGTH);
        for (Object o; (o = ch.readInbound()) != null; ) {
          if (o instanceof Gb26875Message) {
            messages++;
          } else {
            FrameRejected r = (FrameRejected) o;
            assertThat(r.length()).isPositive();
            if (r.defect() == FrameDefect.MALFORMED_ADU) {
              malformedAdu += r.length();
            }
          }
        }
      }
      ch.finish(); // end of stream: flushes pending garbage and reports a truncated tail
      for (Object o; (o = ch.readInbound()) != null; ) {
        if (o instanceof FrameRejected r && r.defect() == FrameDefect.MALFORMED_ADU) {
          malformedAdu += r.length();
        }
      }
      long rejected = 0;
      for (FrameDefect d : FrameDefect.values()) {
        rejected += stats.rejectedBytes(d);
      }
      // Malformed ADUs were first accepted as frames, then rejected as messages.
      assertThat(stats.bytesAccepted() + rejected - malformedAdu).isEqualTo(stream.length);
      ch.finishAndReleaseAll();
    }
    assertThat(fed).isGreaterThan(FRAMES * 30L);
    assertThat(messages)
        .as("a fair share of frames survive mutation intact")
        .isGreaterThan(FRAMES / 10);
  }

  private static List<byte[]> corpus() {
    List<byte[]> corpus = new ArrayList<>();
    corpus.add(Wire.hex(Wire.FIREMASTER_FIRE_ALARM));
    corpus.add(Wire.hex(Wire.FIREMASTER_CONFIRM));
    corpus.add(Wire.hex(Wire.READ_SYSTEM_STATE_REQUEST));
    RandomMessages messages = new RandomMessages(7, DeviceProfile.LENIENT);
    for (int i = 0; i < 300; i++) {
      corpus.add(Gb26875Codec.encode(messages.anyMessage(), DeviceProfile.LENIENT));
    }
    return corpus;
  }

  private static byte[] stream(Random random, List<byte[]> corpus, int frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < frames; i++) {
      byte[] frame = corpus.get(random.nextInt(corpus.size())).clone();
      out.writeBytes(mutate(random, frame, corpus));
    }
    return out.toByteArray();
  }

  private static byte[] mutate(Random random, byte[] frame, List<byte[]> corpus) {
    switch (random.nextInt(9)) {
      case 0 -> {
        return frame; // intact
      }
      case 1 -> {
        int bit = random.nextInt(frame.length * 8);
        frame[bit / 8] ^= (byte) (1 << (bit % 8)); // one bit flip anywhere
        return frame;
      }
      case 2 -> {
        frame[24 + random.nextInt(2)] = (byte) random.nextInt(256); // length field
        return frame;
      }
      case 3 -> {
        frame[random.nextBoolean() ? random.nextInt(2) : frame.length - 1 - random.nextInt(2)] ^=
            (byte) (1 + random.nextInt(255)); // markers
        return frame;
      }
      case 4 -> {
        return Arrays.copyOf(frame, random.nextInt(frame.length)); // truncated
      }
      case 5 -> {
        byte[] garbage = new byte[random.nextInt(64)];
        random.nextBytes(garbage);
        if (garbage.length > 1 && random.nextBoolean()) {
          garbage[random.nextInt(garbage.length - 1)] = 0x40; // tempting false starts
        }
        return concat(garbage, frame);
      }
      case 6 -> {
        byte[] other = corpus.get(random.nextInt(corpus.size()));
        int cut = random.nextInt(frame.length);
        return concat(
            Arrays.copyOf(frame, cut),
            Arrays.copyOfRange(other, random.nextInt(other.length), other.length));
      }
      case 7 -> {
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
          frame[random.nextInt(frame.length)] = (byte) random.nextInt(256); // several bytes
        }
        return frame;
      }
      default -> {
        int at = random.nextInt(frame.length); // insert or delete one byte
        return random.nextBoolean()
            ? concat(
                Arrays.copyOf(frame, at),
                new byte[] {(byte) random.nextInt(256)},
                Arrays.copyOfRange(frame, at, frame.length))
            : concat(Arrays.copyOf(frame, at), Arrays.copyOfRange(frame, at + 1, frame.length));
      }
    }
  }

  private static int chunkSize(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> 1;
      case 1 -> 1 + random.nextInt(64);
      case 2 -> 1 + random.nextInt(1500);
      default -> 1 + random.nextInt(16_384);
    };
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
