package io.fenghuo.simulator;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.session.RetransmissionPolicy;
import io.fenghuo.simulator.scenario.BackgroundRates;
import io.fenghuo.simulator.session.Backoff;
import io.fenghuo.simulator.session.DutyCheckBehaviour;
import io.fenghuo.simulator.session.HeartbeatMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How a fleet of simulated UITDs behaves. Immutable; build with {@link
 * #builder(InetSocketAddress)}. Defaults follow the standard and field practice: 60 s empty-frame
 * heartbeats, 10 s × 3 retransmission (§6.5), centre address 0, China Standard Time.
 */
public final class SimulatorConfig {

  /** Time zone of device clocks when none is given: the standard is silent, CST in practice. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  private final InetSocketAddress centre;
  private final Address centreAddress;
  private final HeartbeatMode heartbeatMode;
  private final Duration heartbeatInterval;
  private final Duration statusInterval;
  private final RetransmissionPolicy retransmission;
  private final DutyCheckBehaviour dutyCheck;
  private final Backoff backoff;
  private final Duration connectTimeout;
  private final int outboxCapacity;
  private final double connectRate;
  private final Clock clock;
  private final long seed;
  private final BackgroundRates background;
  private final int ioThreads;
  private final List<InetAddress> localAddresses;

  private SimulatorConfig(Builder b) {
    this.centre = b.centre;
    this.centreAddress = b.centreAddress;
    this.heartbeatMode = b.heartbeatMode;
    this.heartbeatInterval = b.heartbeatInterval;
    this.statusInterval = b.statusInterval;
    this.retransmission = b.retransmission;
    this.dutyCheck = b.dutyCheck;
    this.backoff = b.backoff;
    this.connectTimeout = b.connectTimeout;
    this.outboxCapacity = b.outboxCapacity;
    this.connectRate = b.connectRate;
    this.clock = b.clock;
    this.seed = b.seed;
    this.background = b.background;
    this.ioThreads = b.ioThreads;
    this.localAddresses = b.localAddresses;
  }

  /**
   * @param centre the monitoring centre's TCP address (resolved); not null
   */
  public static Builder builder(InetSocketAddress centre) {
    return new Builder(centre);
  }

  /** A builder preset with this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder(centre);
    b.centreAddress = centreAddress;
    b.heartbeatMode = heartbeatMode;
    b.heartbeatInterval = heartbeatInterval;
    b.statusInterval = statusInterval;
    b.retransmission = retransmission;
    b.dutyCheck = dutyCheck;
    b.backoff = backoff;
    b.connectTimeout = connectTimeout;
    b.outboxCapacity = outboxCapacity;
    b.connectRate = connectRate;
    b.clock = clock;
    b.seed = seed;
    b.background = background;
    b.ioThreads = ioThreads;
    b.localAddresses = localAddresses;
    return b;
  }

  /** The centre's TCP address. */
  public InetSocketAddress centre() {
    return centre;
  }

  /** The centre's frame address (destination of uploads); default 0. */
  public Address centreAddress() {
    return centreAddress;
  }

  public HeartbeatMode heartbeatMode() {
    return heartbeatMode;
  }

  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /** Interval of periodic status uploads (types 1 and 21); zero for none. */
  public Duration statusInterval() {
    return statusInterval;
  }

  public RetransmissionPolicy retransmission() {
    return retransmission;
  }

  public DutyCheckBehaviour dutyCheck() {
    return dutyCheck;
  }

  public Backoff backoff() {
    return backoff;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Uploads a disconnected device keeps for later; the oldest fails beyond this. */
  public int outboxCapacity() {
    return outboxCapacity;
  }

  /** New connections per second when a fleet starts (ramp-up). */
  public double connectRate() {
    return connectRate;
  }

  /** Host clock in the devices' zone; each device adds its own clock-sync offset. */
  public Clock clock() {
    return clock;
  }

  /** Seed of every random choice (per device: seed and device index). */
  public long seed() {
    return seed;
  }

  /** Random background activity, or {@link BackgroundRates#NONE}. */
  public BackgroundRates background() {
    return background;
  }

  /** Netty I/O threads; 0 for Netty's default (2 × cores). */
  public int ioThreads() {
    return ioThreads;
  }

  /**
   * Local (source) addresses the devices connect from, device {@code i} from address {@code i mod
   * n}; empty (the default) lets the operating system choose. Several loopback addresses
   * (127.0.0.x) get a large fleet past the ephemeral-port limit of one source address.
   */
  public List<InetAddress> localAddresses() {
    return localAddresses;
  }

  /** Fluent builder; every setter rejects null and out-of-range values at once. */
  public static final class Builder {
    private final InetSocketAddress centre;
    private Address centreAddress = Address.ZERO;
    private HeartbeatMode heartbeatMode = HeartbeatMode.EMPTY;
    private Duration heartbeatInterval = Duration.ofSeconds(60);
    private Duration statusInterval = Duration.ZERO;
    private RetransmissionPolicy retransmission = RetransmissionPolicy.STANDARD;
    private DutyCheckBehaviour dutyCheck = DutyCheckBehaviour.DEFAULT;
    private Backoff backoff = Backoff.DEFAULT;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int outboxCapacity = 1024;
    private double connectRate = 500;
    private Clock clock = Clock.system(DEFAULT_ZONE);
    private long seed = 1;
    private BackgroundRates background = BackgroundRates.NONE;
    private int ioThreads = 0;
    private List<InetAddress> localAddresses = List.of();

    private Builder(InetSocketAddress centre) {
      this.centre = Objects.requireNonNull(centre, "centre");
    }

    public Builder centreAddress(Address value) {
      this.centreAddress = Objects.requireNonNull(value, "centreAddress");
      return this;
    }

    public Builder heartbeat(HeartbeatMode mode, Duration interval) {
      this.heartbeatMode = Objects.requireNonNull(mode, "mode");
      this.heartbeatInterval = positive("heartbeat interval", interval);
      return this;
    }

    /** Periodic status uploads; {@link Duration#ZERO} for none. */
    public Builder statusInterval(Duration value) {
      Objects.requireNonNull(value, "statusInterval");
      if (value.isNegative()) {
        throw new IllegalArgumentException("status interval is negative");
      }
      this.statusInterval = value;
      return this;
    }

    public Builder retransmission(RetransmissionPolicy value) {
      this.retransmission = Objects.requireNonNull(value, "retransmission");
      return this;
    }

    public Builder dutyCheck(DutyCheckBehaviour value) {
      this.dutyCheck = Objects.requireNonNull(value, "dutyCheck");
      return this;
    }

    public Builder backoff(Backoff value) {
      this.backoff = Objects.requireNonNull(value, "backoff");
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive("connect timeout", value);
      return this;
    }

    public Builder outboxCapacity(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("outbox capacity must be positive");
      }
      this.outboxCapacity = value;
      return this;
    }

    /** Connections opened per second while a fleet starts; positive. */
    public Builder connectRate(double perSecond) {
      if (!(perSecond > 0)) {
        throw new IllegalArgumentException("connect rate must be positive");
      }
      this.connectRate = perSecond;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder background(BackgroundRates value) {
      this.background = Objects.requireNonNull(value, "background");
      return this;
    }

    public Builder ioThreads(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("ioThreads must be ≥ 0");
      }
      this.ioThreads = value;
      return this;
    }

    /**
     * Source addresses to connect from, round-robin over the devices; empty for the OS's choice.
     */
    public Builder localAddresses(List<InetAddress> value) {
      this.localAddresses = List.copyOf(Objects.requireNonNull(value, "localAddresses"));
      return this;
    }

    public SimulatorConfig build() {
      return new SimulatorConfig(this);
    }

    private static Duration positive(String what, Duration d) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + d);
      }
      return d;
    }
  }
}
