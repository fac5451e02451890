package io.fenghuo.gb26875.session;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.FrameHeader;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.ApplicationData;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.profile.DeviceProfile;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One end of a connection: builds the packets it sends, with its own serial counter and clock, so
 * the simulator (UITD end) and the gateway (centre end) construct frames the same way. Which
 * command byte goes with which type follows the reference's mapping (§6.1–6.4): uploads 2,
 * responses 5, reads 4, controls 89–91 the profile's control byte (1 by the standard), replies 3
 * and 6 echo the serial.
 *
 * <p>Thread-safe if the clock is.
 */
public final class Endpoint {

  private final Address local;
  private final Address peer;
  private final DeviceProfile peerProfile;
  private final Clock clock;
  private final SerialCounter serials;

  /**
   * @param local this end's address; not null
   * @param peer the other end's address; not null
   * @param peerProfile the profile of the peer (selects the control command byte); not null
   * @param clock source of time labels, in the device's local zone (CST in practice); not null
   */
  public Endpoint(Address local, Address peer, DeviceProfile peerProfile, Clock clock) {
    this.local = Objects.requireNonNull(local, "local");
    this.peer = Objects.requireNonNull(peer, "peer");
    this.peerProfile = Objects.requireNonNull(peerProfile, "peerProfile");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.serials = new SerialCounter();
  }

  /**
   * A spontaneous upload (cmd 2, §6.3) with the next serial. Data may be any upload type, an opaque
   * vendor type, or {@link io.fenghuo.gb26875.adu.NoData} (an empty keep-alive).
   *
   * @throws IllegalArgumentException if {@code data} is a downstream type
   */
  public Gb26875Message upload(ApplicationData data) {
    if (data instanceof TypedData t && t.type().direction() != TypeFlag.Direction.UP) {
      throw new IllegalArgumentException("type " + t.type().value() + " is not an upload");
    }
    return initiate(Command.SEND_DATA, data);
  }

  /**
   * A read request (cmd 4, §6.4), types 61–88, with the next serial.
   *
   * @throws IllegalArgumentException if {@code data} is not a read
   */
  public Gb26875Message read(TypedData data) {
    if (!data.type().isRead()) {
      throw new IllegalArgumentException("type " + data.type().value() + " is not a read");
    }
    return initiate(Command.REQUEST, data);
  }

  /**
   * A control command (§6.2), types 89–91, with the peer profile's command byte and the next
   * serial.
   *
   * @throws IllegalArgumentException if {@code data} is not 89, 90 or 91
   */
  public Gb26875Message control(TypedData data) {
    if (!data.type().isControl()) {
      throw new IllegalArgumentException("type " + data.type().value() + " is not a control");
    }
    FrameHeader header =
        new FrameHeader(
            serials.next(),
            FrameHeader.MAIN_VERSION,
            1,
            now(),
            local,
            peer,
            peerProfile.controlCommandByte());
    return new Gb26875Message(header, data);
  }

  /** A packet with any initiating command and the next serial. */
  public Gb26875Message initiate(Command command, ApplicationData data) {
    return new Gb26875Message(FrameHeader.of(serials.next(), now(), local, peer, command), data);
  }

  /** The response (cmd 5, §6.4) to a read: echoes its serial. */
  public Gb26875Message respond(FrameHeader request, ApplicationData data) {
    return new Gb26875Message(request.reply(Command.RESPONSE, now()), data);
  }

  /** The confirm (cmd 3) of a received frame: echoes its serial, empty ADU. */
  public Gb26875Message confirm(FrameHeader received) {
    return Gb26875Message.confirm(received, now());
  }

  /** The deny (cmd 6) of a received frame that failed verification (§6.5.3). */
  public Gb26875Message deny(FrameHeader received) {
    return Gb26875Message.deny(received, now());
  }

  /** The current time as a time label. */
  public TimeLabel now() {
    return TimeLabel.of(LocalDateTime.now(clock));
  }

  public Address local() {
    return local;
  }

  public Address peer() {
    return peer;
  }

  /** This end's serial counter (initiated packets only; replies echo). */
  public SerialCounter serials() {
    return serials;
  }
}
