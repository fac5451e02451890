package io.fenghuo.gb26875;

import io.fenghuo.gb26875.adu.AnalogType;
import io.fenghuo.gb26875.adu.AnalogValue;
import io.fenghuo.gb26875.adu.ApplicationData;
import io.fenghuo.gb26875.adu.ClockSync;
import io.fenghuo.gb26875.adu.ComponentAddress;
import io.fenghuo.gb26875.adu.ComponentConfiguration;
import io.fenghuo.gb26875.adu.ComponentQuery;
import io.fenghuo.gb26875.adu.ComponentState;
import io.fenghuo.gb26875.adu.ComponentStatus;
import io.fenghuo.gb26875.adu.ComponentType;
import io.fenghuo.gb26875.adu.DutyCheck;
import io.fenghuo.gb26875.adu.FacilityOperation;
import io.fenghuo.gb26875.adu.FacilityOperationFlags;
import io.fenghuo.gb26875.adu.FacilityOperationQuery;
import io.fenghuo.gb26875.adu.FacilitySoftwareVersion;
import io.fenghuo.gb26875.adu.FacilitySystemTime;
import io.fenghuo.gb26875.adu.InformationObject;
import io.fenghuo.gb26875.adu.OpaqueData;
import io.fenghuo.gb26875.adu.SystemConfiguration;
import io.fenghuo.gb26875.adu.SystemQuery;
import io.fenghuo.gb26875.adu.SystemState;
import io.fenghuo.gb26875.adu.SystemStatus;
import io.fenghuo.gb26875.adu.SystemType;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.adu.UitdConfiguration;
import io.fenghuo.gb26875.adu.UitdOperation;
import io.fenghuo.gb26875.adu.UitdOperationFlags;
import io.fenghuo.gb26875.adu.UitdOperationQuery;
import io.fenghuo.gb26875.adu.UitdRequest;
import io.fenghuo.gb26875.adu.UitdSoftwareVersion;
import io.fenghuo.gb26875.adu.UitdState;
import io.fenghuo.gb26875.adu.UitdStatus;
import io.fenghuo.gb26875.adu.UitdSystemTime;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.profile.UitdStatusTimeLabel;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of valid messages of every type, for round-trip property tests and the fuzz
 * corpus (a jqwik replacement: see the module README). Same seed, same messages.
 */
public final class RandomMessages {

  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final String TEXT_POOL = "ABCxyz0189-_#@层楼区号感烟探测器手动报警按钮消火栓泵火警故障";

  private final Random random;
  private final DeviceProfile profile;

  public RandomMessages(long seed, DeviceProfile profile) {
    this.random = new Random(seed);
    this.profile = profile;
  }

  /** A message of {@code type} with a random number of objects that fits 1024 bytes. */
  public Gb26875Message message(TypeFlag type) {
    return new Gb26875Message(header(type), data(type));
  }

  /** A message of a random defined type, or occasionally opaque or empty. */
  public Gb26875Message anyMessage() {
    int pick = random.nextInt(TypeFlag.values().length + 2);
    if (pick < TypeFlag.values().length) {
      return message(TypeFlag.values()[pick]);
    }
    ApplicationData data =
        pick == TypeFlag.values().length
            ? new OpaqueData(128 + random.nextInt(128), bytes(random.nextInt(40)))
            : io.fenghuo.gb26875.adu.NoData.INSTANCE;
    return new Gb26875Message(header(null), data);
  }

  private FrameHeader header(TypeFlag type) {
    int command;
    if (type == null) {
      command = 2 + random.nextInt(2);
    } else if (type.isControl()) {
      command = profile.controlCommandByte();
    } else if (type.isRead()) {
      command = Command.REQUEST.value();
    } else {
      command = random.nextBoolean() ? Command.SEND_DATA.value() : Command.RESPONSE.value();
    }
    return new FrameHeader(
        random.nextInt(0x10000),
        1,
        random.nextInt(256),
        time(),
        Address.of(random.nextLong() & 0xFFFF_FFFF_FFFFL),
        Address.of(random.nextInt(3)),
        command);
  }

  public TypedData data(TypeFlag type) {
    int max = Math.min(type.maxObjects(), 1 + random.nextInt(type.maxObjects() + 3));
    int count = random.nextInt(4) == 0 ? max : random.nextInt(max + 1);
    List<InformationObject> objects = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      objects.add(object(type));
    }
    return new TypedData(type, objects);
  }

  private InformationObject object(TypeFlag type) {
    return switch (type) {
      case SYSTEM_STATE ->
          new SystemStatus(systemType(), u8(), new SystemState(random.nextInt(0x10000)), time());
      case COMPONENT_STATE ->
          new ComponentStatus(
              systemType(),
              u8(),
              ComponentType.of(u8()),
              componentAddress(),
              new ComponentState(random.nextInt(0x10000)),
              text(31),
              time());
      case COMPONENT_ANALOG_VALUE ->
          new AnalogValue(
              systemType(),
              u8(),
              ComponentType.of(u8()),
              componentAddress(),
              AnalogType.of(u8()),
              (short) random.nextInt(),
              time());
      case FACILITY_OPERATION ->
          new FacilityOperation(systemType(), u8(), new FacilityOperationFlags(u8()), u8(), time());
      case FACILITY_SOFTWARE_VERSION -> new FacilitySoftwareVersion(systemType(), u8(), u8(), u8());
      case SYSTEM_CONFIGURATION -> new SystemConfiguration(systemType(), u8(), text(255));
      case COMPONENT_CONFIGURATION ->
          new ComponentConfiguration(
              systemType(), u8(), ComponentType.of(u8()), componentAddress(), text(31));
      case FACILITY_SYSTEM_TIME -> new FacilitySystemTime(systemType(), u8(), time());
      case UITD_STATE ->
          new UitdStatus(
              new UitdState(u8()),
              profile.uitdStatusTimeLabel() == UitdStatusTimeLabel.ABSENT ? null : time());
      case UITD_OPERATION -> new UitdOperation(new UitdOperationFlags(u8()), u8(), time());
      case UITD_SOFTWARE_VERSION -> new UitdSoftwareVersion(u8(), u8());
      case UITD_CONFIGURATION -> new UitdConfiguration(text(255));
      case UITD_SYSTEM_TIME -> new UitdSystemTime(time());
      case READ_SYSTEM_STATE,
          READ_FACILITY_SOFTWARE_VERSION,
          READ_SYSTEM_CONFIGURATION,
          READ_FACILITY_SYSTEM_TIME ->
          new SystemQuery(systemType(), u8());
      case READ_COMPONENT_STATE, READ_COMPONENT_ANALOG_VALUE, READ_COMPONENT_CONFIGURATION ->
          new ComponentQuery(systemType(), u8(), componentAddress());
      case READ_FACILITY_OPERATIONS -> new FacilityOperationQuery(systemType(), u8(), u8(), time());
      case READ_UITD_OPERATIONS -> new UitdOperationQuery(u8(), time());
      case READ_UITD_STATE,
          READ_UITD_SOFTWARE_VERSION,
          READ_UITD_CONFIGURATION,
          READ_UITD_SYSTEM_TIME,
          INITIALISE_UITD ->
          new UitdRequest(random.nextInt(8) == 0 ? u8() : 0);
      case SYNCHRONISE_CLOCK -> new ClockSync(time());
      case DUTY_CHECK -> new DutyCheck(u8());
    };
  }

  private int u8() {
    return random.nextInt(256);
  }

  private SystemType systemType() {
    return SystemType.of(random.nextInt(4) == 0 ? u8() : random.nextInt(25));
  }

  private ComponentAddress componentAddress() {
    return ComponentAddress.of(random.nextLong() & 0xFFFF_FFFFL);
  }

  /** Mostly valid times; sometimes the all-zero label devices send. */
  private TimeLabel time() {
    if (random.nextInt(10) == 0) {
      return TimeLabel.decode(new byte[6], profile.timeEncoding());
    }
    return TimeLabel.of(
        LocalDateTime.of(
            2000 + random.nextInt(100),
            1 + random.nextInt(12),
            1 + random.nextInt(28),
            random.nextInt(24),
            random.nextInt(60),
            random.nextInt(60)));
  }

  /**
   * Text that survives the round trip: fits {@code maxBytes} in GB 18030, no NUL, no trailing space
   * (both are padding by definition).
   */
  private String text(int maxBytes) {
    int target = random.nextInt(Math.min(maxBytes, 40) + 1);
    StringBuilder sb = new StringBuilder();
    while (sb.length() < target) {
      char c = TEXT_POOL.charAt(random.nextInt(TEXT_POOL.length()));
      if (sb.toString().concat(String.valueOf(c)).getBytes(GB18030).length > maxBytes) {
        break;
      }
      sb.append(c);
    }
    return sb.toString().stripTrailing();
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
