package io.fenghuo.bench;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.FrameHeader;
import io.fenghuo.gb26875.Gb26875Codec;
import io.fenghuo.gb26875.Gb26875Frame;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.ComponentAddress;
import io.fenghuo.gb26875.adu.ComponentState;
import io.fenghuo.gb26875.adu.ComponentStateBit;
import io.fenghuo.gb26875.adu.ComponentStatus;
import io.fenghuo.gb26875.adu.ComponentType;
import io.fenghuo.gb26875.adu.InformationObject;
import io.fenghuo.gb26875.adu.MalformedAduException;
import io.fenghuo.gb26875.adu.SystemType;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.frame.FrameScanner;
import io.fenghuo.gb26875.frame.FrameStatistics;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread (per core) throughput of the GB/T 26875.3 codec on type-2 fire-alarm frames: one
 * object (78-byte frame) and the maximum 22 objects (1044-byte frame). Decode = framing, checksum
 * and typed ADU decode; encode = typed message to a complete frame.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar Gb26875 -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class Gb26875CodecBenchmark {

  @Param({"1", "22"})
  public int objects;

  private Gb26875Message message;
  private ByteBuf wire;
  private ByteBuf out;
  private FrameScanner scanner;
  private final List<Object> frames = new ArrayList<>(1);

  @Setup
  public void setUp() {
    TimeLabel time = TimeLabel.of(LocalDateTime.of(2024, 3, 5, 14, 30, 15));
    List<InformationObject> alarms = new ArrayList<>();
    for (int i = 0; i < objects; i++) {
      alarms.add(
          new ComponentStatus(
              SystemType.FIRE_ALARM_SYSTEM,
              1,
              ComponentType.SMOKE_DETECTOR,
              ComponentAddress.of(0x0001_0000L + i),
              ComponentState.of(ComponentStateBit.NORMAL, ComponentStateBit.FIRE_ALARM),
              "3层东区烟感" + i,
              time));
    }
    message =
        new Gb26875Message(
            FrameHeader.of(1, time, Address.of(0x123456), Address.of(1), Command.SEND_DATA),
            new TypedData(TypeFlag.COMPONENT_STATE, alarms));
    wire = Unpooled.wrappedBuffer(Gb26875Codec.encode(message, DeviceProfile.STANDARD));
    out = Unpooled.buffer(1054);
    scanner = new FrameScanner(new FrameStatistics());
  }

  @Benchmark
  public Gb26875Message decode() throws MalformedAduException {
    wire.readerIndex(0);
    frames.clear();
    scanner.scan(wire, frames);
    return Gb26875Codec.decode((Gb26875Frame) frames.get(0), DeviceProfile.STANDARD);
  }

  @Benchmark
  public int encode() {
    out.clear();
    Gb26875Codec.encode(message, DeviceProfile.STANDARD, out);
    return out.writerIndex();
  }
}
