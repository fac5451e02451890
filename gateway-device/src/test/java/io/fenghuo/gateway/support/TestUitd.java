package io.fenghuo.gateway.support;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.FrameHeader;
import io.fenghuo.gb26875.Gb26875Codec;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.ApplicationData;
import io.fenghuo.gb26875.adu.ComponentAddress;
import io.fenghuo.gb26875.adu.ComponentState;
import io.fenghuo.gb26875.adu.ComponentStateBit;
import io.fenghuo.gb26875.adu.ComponentStatus;
import io.fenghuo.gb26875.adu.ComponentType;
import io.fenghuo.gb26875.adu.NoData;
import io.fenghuo.gb26875.adu.SystemType;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.adu.UitdOperation;
import io.fenghuo.gb26875.adu.UitdOperationBit;
import io.fenghuo.gb26875.adu.UitdOperationFlags;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.profile.ProfileSelector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A minimal UITD for tests, over a blocking socket: sends uploads with its own serials, collects
 * what the centre sends, and confirms the centre's control commands (clock sync …) automatically
 * unless told otherwise.
 */
public final class TestUitd implements AutoCloseable {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final Address address;
  private final Socket socket;
  private final OutputStream out;
  private final BlockingQueue<Gb26875Message> received = new LinkedBlockingQueue<>();
  private final AtomicInteger serial = new AtomicInteger();
  private final AtomicBoolean autoConfirm = new AtomicBoolean(true);
  private final Thread reader;
  private volatile Predicate<Gb26875Message> onControl = m -> true;
  private final DeviceProfile profile;

  public TestUitd(long address, InetSocketAddress gateway) throws IOException {
    this(address, gateway, DeviceProfile.STANDARD);
  }

  /** A UITD whose firmware speaks {@code profile} in both directions. */
  public TestUitd(long address, InetSocketAddress gateway, DeviceProfile profile)
      throws IOException {
    this.profile = profile;
    this.address = Address.of(address);
    this.socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(gateway, 5_000);
    this.out = socket.getOutputStream();
    this.reader = new Thread(this::readLoop, "uitd-" + address);
    reader.setDaemon(true);
    reader.start();
  }

  public Address address() {
    return address;
  }

  /** Whether control commands are confirmed automatically (default true). */
  public void autoConfirm(boolean on) {
    autoConfirm.set(on);
  }

  /** Called for each control command; return false to not confirm it. */
  public void onControl(Predicate<Gb26875Message> handler) {
    this.onControl = handler;
  }

  public static TimeLabel now() {
    return TimeLabel.of(LocalDateTime.now(ZONE));
  }

  /** Builds an upload with the next serial. */
  public Gb26875Message upload(ApplicationData data) {
    return upload(data, now());
  }

  /** Builds an upload with the next serial and the given header time label. */
  public Gb26875Message upload(ApplicationData data, TimeLabel time) {
    return new Gb26875Message(
        FrameHeader.of(
            serial.getAndIncrement() & 0xFFFF, time, address, Address.ZERO, Command.SEND_DATA),
        data);
  }

  /** A fire alarm whose device clock reads {@code time} (header and object time label). */
  public Gb26875Message fireAlarmAt(long componentAddress, String description, TimeLabel time) {
    return upload(
        TypedData.of(
            TypeFlag.COMPONENT_STATE,
            new ComponentStatus(
                SystemType.FIRE_ALARM_SYSTEM,
                1,
                ComponentType.SMOKE_DETECTOR,
                ComponentAddress.of(componentAddress),
                ComponentState.of(ComponentStateBit.NORMAL, ComponentStateBit.FIRE_ALARM),
                description,
                time)),
        time);
  }

  public Gb26875Message heartbeat() {
    return upload(NoData.INSTANCE);
  }

  public Gb26875Message fireAlarm(long componentAddress, String description) {
    return upload(
        TypedData.of(
            TypeFlag.COMPONENT_STATE,
            new ComponentStatus(
                SystemType.FIRE_ALARM_SYSTEM,
                1,
                ComponentType.SMOKE_DETECTOR,
                ComponentAddress.of(componentAddress),
                ComponentState.of(ComponentStateBit.NORMAL, ComponentStateBit.FIRE_ALARM),
                description,
                now())));
  }

  public Gb26875Message fault(long componentAddress) {
    return upload(
        TypedData.of(
            TypeFlag.COMPONENT_STATE,
            new ComponentStatus(
                SystemType.FIRE_ALARM_SYSTEM,
                1,
                ComponentType.SMOKE_DETECTOR,
                ComponentAddress.of(componentAddress),
                ComponentState.of(ComponentStateBit.NORMAL, ComponentStateBit.FAULT),
                "",
                now())));
  }

  public Gb26875Message dutyCheckReply() {
    return upload(
        TypedData.of(
            TypeFlag.UITD_OPERATION,
            new UitdOperation(UitdOperationFlags.of(UitdOperationBit.DUTY_CHECK_REPLY), 1, now())));
  }

  public void send(Gb26875Message m) throws IOException {
    sendRaw(Gb26875Codec.encode(m, profile));
  }

  public synchronized void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The next frame from the centre that matches, or null after the timeout. */
  public Gb26875Message await(Predicate<Gb26875Message> what, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      Gb26875Message m = received.poll(left, TimeUnit.NANOSECONDS);
      if (m != null && what.test(m)) {
        return m;
      }
    }
  }

  /** The confirm of the upload with this serial, or null. */
  public Gb26875Message awaitConfirm(int serial, Duration timeout) throws InterruptedException {
    return await(m -> m.command() == Command.CONFIRM && m.header().serial() == serial, timeout);
  }

  public Gb26875Message awaitDeny(Duration timeout) throws InterruptedException {
    return await(m -> m.command() == Command.DENY, timeout);
  }

  public boolean isClosedByPeer() {
    return closed.get();
  }

  private final AtomicBoolean closed = new AtomicBoolean();
  private final java.util.Set<Integer> confirmed =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Serials the centre confirmed so far. */
  public java.util.Set<Integer> confirmedSerials() {
    return confirmed;
  }

  private void readLoop() {
    try (InputStream in = socket.getInputStream()) {
      byte[] head = new byte[26];
      while (true) {
        readFully(in, head, 0, 26);
        int aduLength = (head[24] & 0xFF) | (head[25] & 0xFF) << 8;
        byte[] frame = new byte[30 + aduLength];
        System.arraycopy(head, 0, frame, 0, 26);
        readFully(in, frame, 26, frame.length - 26);
        for (Object o : Gb26875Codec.decodeStream(frame, ProfileSelector.fixed(profile))) {
          if (o instanceof Gb26875Message m) {
            if (m.command() == Command.CONTROL || m.header().commandByte() == 1) {
              if (autoConfirm.get() && onControl.test(m)) {
                send(Gb26875Message.confirm(m.header(), now()));
              }
            }
            if (m.command() == Command.CONFIRM) {
              confirmed.add(m.header().serial());
            }
            received.add(m);
          }
        }
      }
    } catch (IOException e) {
      closed.set(true);
    }
  }

  private static void readFully(InputStream in, byte[] b, int off, int len) throws IOException {
    int n = 0;
    while (n < len) {
      int r = in.read(b, off + n, len - n);
      if (r < 0) {
        throw new IOException("closed");
      }
      n += r;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
