package io.fenghuo.gb26875.adu;

import java.util.EnumMap;
import java.util.Map;

/** Which object layout each defined type flag carries (GB/T 26875.3-2011 §8.3). */
final class ObjectCodecs {

  private static final Map<TypeFlag, ObjectCodec<?>> BY_TYPE = new EnumMap<>(TypeFlag.class);

  static {
    BY_TYPE.put(TypeFlag.SYSTEM_STATE, UploadCodecs.SYSTEM_STATUS);
    BY_TYPE.put(TypeFlag.COMPONENT_STATE, UploadCodecs.COMPONENT_STATUS);
    BY_TYPE.put(TypeFlag.COMPONENT_ANALOG_VALUE, UploadCodecs.ANALOG_VALUE);
    BY_TYPE.put(TypeFlag.FACILITY_OPERATION, UploadCodecs.FACILITY_OPERATION);
    BY_TYPE.put(TypeFlag.FACILITY_SOFTWARE_VERSION, UploadCodecs.FACILITY_SOFTWARE_VERSION);
    BY_TYPE.put(TypeFlag.SYSTEM_CONFIGURATION, UploadCodecs.SYSTEM_CONFIGURATION);
    BY_TYPE.put(TypeFlag.COMPONENT_CONFIGURATION, UploadCodecs.COMPONENT_CONFIGURATION);
    BY_TYPE.put(TypeFlag.FACILITY_SYSTEM_TIME, UploadCodecs.FACILITY_SYSTEM_TIME);
    BY_TYPE.put(TypeFlag.UITD_STATE, UploadCodecs.UITD_STATUS);
    BY_TYPE.put(TypeFlag.UITD_OPERATION, UploadCodecs.UITD_OPERATION);
    BY_TYPE.put(TypeFlag.UITD_SOFTWARE_VERSION, UploadCodecs.UITD_SOFTWARE_VERSION);
    BY_TYPE.put(TypeFlag.UITD_CONFIGURATION, UploadCodecs.UITD_CONFIGURATION);
    BY_TYPE.put(TypeFlag.UITD_SYSTEM_TIME, UploadCodecs.UITD_SYSTEM_TIME);
    BY_TYPE.put(TypeFlag.READ_SYSTEM_STATE, DownlinkCodecs.SYSTEM_QUERY);
    BY_TYPE.put(TypeFlag.READ_COMPONENT_STATE, DownlinkCodecs.COMPONENT_QUERY);
    BY_TYPE.put(TypeFlag.READ_COMPONENT_ANALOG_VALUE, DownlinkCodecs.COMPONENT_QUERY);
    BY_TYPE.put(TypeFlag.READ_FACILITY_OPERATIONS, DownlinkCodecs.FACILITY_OPERATION_QUERY);
    BY_TYPE.put(TypeFlag.READ_FACILITY_SOFTWARE_VERSION, DownlinkCodecs.SYSTEM_QUERY);
    BY_TYPE.put(TypeFlag.READ_SYSTEM_CONFIGURATION, DownlinkCodecs.SYSTEM_QUERY);
    BY_TYPE.put(TypeFlag.READ_COMPONENT_CONFIGURATION, DownlinkCodecs.COMPONENT_QUERY);
    BY_TYPE.put(TypeFlag.READ_FACILITY_SYSTEM_TIME, DownlinkCodecs.SYSTEM_QUERY);
    BY_TYPE.put(TypeFlag.READ_UITD_STATE, DownlinkCodecs.UITD_REQUEST);
    BY_TYPE.put(TypeFlag.READ_UITD_OPERATIONS, DownlinkCodecs.UITD_OPERATION_QUERY);
    BY_TYPE.put(TypeFlag.READ_UITD_SOFTWARE_VERSION, DownlinkCodecs.UITD_REQUEST);
    BY_TYPE.put(TypeFlag.READ_UITD_CONFIGURATION, DownlinkCodecs.UITD_REQUEST);
    BY_TYPE.put(TypeFlag.READ_UITD_SYSTEM_TIME, DownlinkCodecs.UITD_REQUEST);
    BY_TYPE.put(TypeFlag.INITIALISE_UITD, DownlinkCodecs.UITD_REQUEST);
    BY_TYPE.put(TypeFlag.SYNCHRONISE_CLOCK, DownlinkCodecs.CLOCK_SYNC);
    BY_TYPE.put(TypeFlag.DUTY_CHECK, DownlinkCodecs.DUTY_CHECK);
    if (BY_TYPE.size() != TypeFlag.values().length) {
      throw new AssertionError("a type flag has no object codec");
    }
  }

  private ObjectCodecs() {}

  static ObjectCodec<?> forType(TypeFlag type) {
    return BY_TYPE.get(type);
  }
}
