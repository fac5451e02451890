package io.fenghuo.simulator.device;

import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.AnalogValue;
import io.fenghuo.gb26875.adu.ComponentConfiguration;
import io.fenghuo.gb26875.adu.ComponentQuery;
import io.fenghuo.gb26875.adu.FacilityOperationQuery;
import io.fenghuo.gb26875.adu.FacilitySoftwareVersion;
import io.fenghuo.gb26875.adu.FacilitySystemTime;
import io.fenghuo.gb26875.adu.InformationObject;
import io.fenghuo.gb26875.adu.SystemConfiguration;
import io.fenghuo.gb26875.adu.SystemQuery;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.adu.UitdConfiguration;
import io.fenghuo.gb26875.adu.UitdOperationQuery;
import io.fenghuo.gb26875.adu.UitdSoftwareVersion;
import io.fenghuo.gb26875.adu.UitdSystemTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers the centre's reads (§6.4, §8.3.2: types 61–68, 81, 84–86, 88) from a device's current
 * state with the upload type 60 below the read (table 3). A query for an unconfigured system or
 * component is answered as a generic point in normal state rather than denied: the frame verified,
 * so §6.4 calls for a response.
 */
public final class ReadResponder {

  /** Facility software version every simulated panel reports (fig. 10). */
  public static final FacilityVersion FACILITY_VERSION = new FacilityVersion(1, 0);

  /** UITD software version every simulated UITD reports (fig. 15). */
  public static final UitdSoftwareVersion UITD_VERSION = new UitdSoftwareVersion(2, 3);

  /** Facility main and minor version. */
  public record FacilityVersion(int main, int minor) {}

  /** Reads 64 and 84 return at most 102 records (figs. 34, 40). */
  static final int MAX_OPERATION_RECORDS = 102;

  private ReadResponder() {}

  /**
   * The answer to a read.
   *
   * @param read a read request's data (types 61–88); not null
   * @param now the device clock's time label
   * @return the response data, or {@code null} if {@code read} is not a read this device answers
   */
  public static TypedData answer(TypedData read, DeviceState state, TimeLabel now) {
    List<InformationObject> out = new ArrayList<>();
    TypeFlag answerType = read.type().answerType();
    if (answerType == null) {
      return null;
    }
    switch (read.type()) {
      case READ_SYSTEM_STATE -> {
        for (SystemKey key : systems(read, state)) {
          out.add(state.systemStatus(key, now));
        }
      }
      case READ_COMPONENT_STATE -> {
        for (ComponentKey key : components(read, state)) {
          out.add(state.componentStatus(key, now));
        }
      }
      case READ_COMPONENT_ANALOG_VALUE -> {
        for (ComponentKey key : components(read, state)) {
          AnalogValue v = state.analog(key);
          if (v != null) {
            out.add(v);
          }
        }
      }
      case READ_FACILITY_OPERATIONS -> {
        FacilityOperationQuery q = read.objects(FacilityOperationQuery.class).get(0);
        out.addAll(
            state.facilityOperations(
                new SystemKey(q.systemType().code(), q.systemAddress()),
                q.startTime().dateTime(),
                Math.min(q.recordCount(), answerType.maxObjects())));
      }
      case READ_FACILITY_SOFTWARE_VERSION -> {
        SystemQuery q = read.objects(SystemQuery.class).get(0);
        out.add(
            new FacilitySoftwareVersion(
                q.systemType(),
                q.systemAddress(),
                FACILITY_VERSION.main(),
                FACILITY_VERSION.minor()));
      }
      case READ_SYSTEM_CONFIGURATION -> {
        for (SystemKey key : systems(read, state)) {
          out.add(
              new SystemConfiguration(
                  key.systemType(), key.address(), key.systemType().label() + " " + key.address()));
        }
      }
      case READ_COMPONENT_CONFIGURATION -> {
        for (ComponentKey key : components(read, state)) {
          var s = state.componentStatus(key, now);
          out.add(
              new ComponentConfiguration(
                  s.systemType(),
                  s.systemAddress(),
                  s.componentType(),
                  s.componentAddress(),
                  s.description()));
        }
      }
      case READ_FACILITY_SYSTEM_TIME -> {
        SystemQuery q = read.objects(SystemQuery.class).get(0);
        out.add(new FacilitySystemTime(q.systemType(), q.systemAddress(), now));
      }
      case READ_UITD_STATE -> out.add(state.uitdStatus(now));
      case READ_UITD_OPERATIONS -> {
        UitdOperationQuery q = read.objects(UitdOperationQuery.class).get(0);
        out.addAll(
            state.uitdOperations(
                q.startTime().dateTime(), Math.min(q.recordCount(), MAX_OPERATION_RECORDS)));
      }
      case READ_UITD_SOFTWARE_VERSION -> out.add(UITD_VERSION);
      case READ_UITD_CONFIGURATION ->
          out.add(new UitdConfiguration("Fenghuo simulated UITD " + state.spec().addressText()));
      case READ_UITD_SYSTEM_TIME -> out.add(new UitdSystemTime(now));
      default -> {
        return null;
      }
    }
    return new TypedData(answerType, limit(out, answerType.maxObjects()));
  }

  private static <T> List<T> limit(List<T> list, int max) {
    return list.size() <= max ? list : list.subList(0, max);
  }

  /** The queried systems; all known systems for a read with no objects. */
  private static List<SystemKey> systems(TypedData read, DeviceState state) {
    if (read.objects().isEmpty()) {
      return state.systems();
    }
    List<SystemKey> out = new ArrayList<>();
    for (SystemQuery q : read.objects(SystemQuery.class)) {
      out.add(new SystemKey(q.systemType().code(), q.systemAddress()));
    }
    return out;
  }

  /** The queried components; all known components for a read with no objects. */
  private static List<ComponentKey> components(TypedData read, DeviceState state) {
    List<ComponentKey> out = new ArrayList<>();
    if (read.objects().isEmpty()) {
      for (Point p : state.components()) {
        out.add(ComponentKey.of(p));
      }
      return out;
    }
    for (ComponentQuery q : read.objects(ComponentQuery.class)) {
      out.add(
          new ComponentKey(
              new SystemKey(q.systemType().code(), q.systemAddress()),
              q.componentAddress().value()));
    }
    return out;
  }
}
