package io.fenghuo.gb26875.adu;

/**
 * Object codecs of the downstream types, GB/T 26875.3-2011 §8.3.2 (figs. 31–46). None has a time
 * label in the standard; the FireMaster-style vendor label is added by {@link AduDecoder} and
 * {@link AduEncoder} when the profile asks for it.
 */
final class DownlinkCodecs {

  private DownlinkCodecs() {}

  /** Types 61, 65, 66, 68: system type + system address. */
  static final ObjectCodec<SystemQuery> SYSTEM_QUERY =
      new FixedSizeCodec<>(
          SystemQuery.class,
          2,
          (in, p) -> new SystemQuery(Fields.systemType(in), in.readUnsignedByte()),
          (o, out, p) -> {
            out.writeByte(o.systemType().code());
            out.writeByte(o.systemAddress());
          });

  /** Types 62, 63, 67: system type + system address + component address (no component type). */
  static final ObjectCodec<ComponentQuery> COMPONENT_QUERY =
      new FixedSizeCodec<>(
          ComponentQuery.class,
          6,
          (in, p) ->
              new ComponentQuery(
                  Fields.systemType(in), in.readUnsignedByte(), Fields.componentAddress(in)),
          (o, out, p) -> {
            out.writeByte(o.systemType().code());
            out.writeByte(o.systemAddress());
            Fields.writeComponentAddress(out, o.componentAddress());
          });

  /** Type 64: system type + system address + record count + start time. */
  static final ObjectCodec<FacilityOperationQuery> FACILITY_OPERATION_QUERY =
      new FixedSizeCodec<>(
          FacilityOperationQuery.class,
          9,
          (in, p) ->
              new FacilityOperationQuery(
                  Fields.systemType(in),
                  in.readUnsignedByte(),
                  in.readUnsignedByte(),
                  Fields.time(in, p)),
          (o, out, p) -> {
            out.writeByte(o.systemType().code());
            out.writeByte(o.systemAddress());
            out.writeByte(o.recordCount());
            Fields.writeTime(out, o.startTime(), p);
          });

  /** Type 84: record count + start time. */
  static final ObjectCodec<UitdOperationQuery> UITD_OPERATION_QUERY =
      new FixedSizeCodec<>(
          UitdOperationQuery.class,
          7,
          (in, p) -> new UitdOperationQuery(in.readUnsignedByte(), Fields.time(in, p)),
          (o, out, p) -> {
            out.writeByte(o.recordCount());
            Fields.writeTime(out, o.startTime(), p);
          });

  /** Types 81, 85, 86, 88, 89: one reserved byte. */
  static final ObjectCodec<UitdRequest> UITD_REQUEST =
      new FixedSizeCodec<>(
          UitdRequest.class,
          1,
          (in, p) -> new UitdRequest(in.readUnsignedByte()),
          (o, out, p) -> out.writeByte(o.reserved()));

  /** Type 90: the centre's time. */
  static final ObjectCodec<ClockSync> CLOCK_SYNC =
      new FixedSizeCodec<>(
          ClockSync.class,
          6,
          (in, p) -> new ClockSync(Fields.time(in, p)),
          (o, out, p) -> Fields.writeTime(out, o.time(), p));

  /** Type 91: reply timeout in minutes. */
  static final ObjectCodec<DutyCheck> DUTY_CHECK =
      new FixedSizeCodec<>(
          DutyCheck.class,
          1,
          (in, p) -> new DutyCheck(in.readUnsignedByte()),
          (o, out, p) -> out.writeByte(o.timeoutMinutes()));
}
