package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.gb26875.profile.UitdStatusTimeLabel;
import io.netty.buffer.ByteBuf;

/** Object codecs of the upstream types, GB/T 26875.3-2011 §8.3.1 (figs. 18–30). */
final class UploadCodecs {

  private UploadCodecs() {}

  /** Type 1, fig. 18: 4 + 6. */
  static final ObjectCodec<SystemStatus> SYSTEM_STATUS =
      new FixedSizeCodec<>(
          SystemStatus.class,
          10,
          (in, p) ->
              new SystemStatus(
                  Fields.systemType(in),
                  in.readUnsignedByte(),
                  new SystemState(in.readUnsignedShortLE()),
                  Fields.time(in, p)),
          (o, out, p) -> {
            out.writeByte(o.systemType().code());
            out.writeByte(o.systemAddress());
            out.writeShortLE(o.state().bits());
            Fields.writeTime(out, o.time(), p);
          });

  /** Type 2, fig. 19: 40 + 6. */
  static final ObjectCodec<ComponentStatus> COMPONENT_STATUS =
      new FixedSizeCodec<>(
          ComponentStatus.class,
          46,
          (in, p) ->
              new ComponentStatus(
                  Fields.systemType(in),
                  in.readUnsignedByte(),
                  Fields.componentType(in),
                  Fields.componentAddress(in),
                  new ComponentState(in.readUnsignedShortLE()),
                  Fields.description(in),
                  Fields.time(in, p)),
          (o, out, p) -> {
            out.writeByte(o.systemType().code());
            out.writeByte(o.systemAddress());
            out.writeByte(o.componentType().code());
            Fields.writeComponentAddress(out, o.componentAddress());
            out.writeShortLE(o.state().bits());
            Fields.writeDescription(out, o.description(), p);
            Fields.writeTime(out, o.time(), p);
          });

  /** Type 3, fig. 20: 10 + 6. */
  static final ObjectCodec<AnalogValue> ANALOG_VALUE =
      new FixedSizeCodec<>(
          AnalogValue.class,
          16,
          (in, p) ->
              new AnalogValue(
                  Fields.systemType(in),
                  in.readUnsignedByte(),
                  Fields.componentType(in),
                  Fields.componentAddress(in),
                  AnalogType.of(in.readUnsignedByte()),
                  in.readShortLE(),
                  Fields.time(in, p)),
          (o, out, p) -> {
            out.writeByte(o.systemType().code());
            out.writeByte(o.systemAddress());
            out.writeByte(o.componentType().code());
            Fields.writeComponentAddress(out, o.componentAddress());
            out.writeByte(o.analogType().code());
            out.writeShortLE(o.rawValue());
            Fields.writeTime(out, o.time(), p);
          });

  /** Type 4, fig. 21: 4 + 6. */
  static final ObjectCodec<FacilityOperation> FACILITY_OPERATION =
      new FixedSizeCodec<>(
          FacilityOperation.class,
          10,
          (in, p) ->
              new FacilityOperation(
                  Fields.systemType(in),
                  in.readUnsignedByte(),
                  new FacilityOperationFlags(in.readUnsignedByte()),
                  in.readUnsignedByte(),
                  Fields.time(in, p)),
          (o, out, p) -> {
            out.writeByte(o.systemType().code());
            out.writeByte(o.systemAddress());
            out.writeByte(o.operation().bits());
            out.writeByte(o.operator());
            Fields.writeTime(out, o.time(), p);
          });

  /** Type 5, fig. 22: 4, no time label. */
  static final ObjectCodec<FacilitySoftwareVersion> FACILITY_SOFTWARE_VERSION =
      new FixedSizeCodec<>(
          FacilitySoftwareVersion.class,
          4,
          (in, p) ->
              new FacilitySoftwareVersion(
                  Fields.systemType(in),
                  in.readUnsignedByte(),
                  in.readUnsignedByte(),
                  in.readUnsignedByte()),
          (o, out, p) -> {
            out.writeByte(o.systemType().code());
            out.writeByte(o.systemAddress());
            out.writeByte(o.mainVersion());
            out.writeByte(o.minorVersion());
          });

  /** Type 6, fig. 23: 3 + L, no time label. */
  static final ObjectCodec<SystemConfiguration> SYSTEM_CONFIGURATION =
      new ObjectCodec<>(SystemConfiguration.class) {
        @Override
        int objectSize(DeviceProfile profile, int count, int available) {
          return VARIABLE;
        }

        @Override
        SystemConfiguration read(ByteBuf in, DeviceProfile profile, int size)
            throws MalformedAduException {
          if (in.readableBytes() < 2) {
            throw new MalformedAduException("system configuration: object truncated");
          }
          SystemType type = Fields.systemType(in);
          int address = in.readUnsignedByte();
          return new SystemConfiguration(
              type, address, Fields.lengthPrefixedText(in, "system configuration"));
        }

        @Override
        void write(SystemConfiguration o, ByteBuf out, DeviceProfile profile) {
          out.writeByte(o.systemType().code());
          out.writeByte(o.systemAddress());
          Fields.writeLengthPrefixedText(out, o.description(), "system configuration");
        }
      };

  /** Type 7, fig. 24: 38, no time label. */
  static final ObjectCodec<ComponentConfiguration> COMPONENT_CONFIGURATION =
      new FixedSizeCodec<>(
          ComponentConfiguration.class,
          38,
          (in, p) ->
              new ComponentConfiguration(
                  Fields.systemType(in),
                  in.readUnsignedByte(),
                  Fields.componentType(in),
                  Fields.componentAddress(in),
                  Fields.description(in)),
          (o, out, p) -> {
            out.writeByte(o.systemType().code());
            out.writeByte(o.systemAddress());
            out.writeByte(o.componentType().code());
            Fields.writeComponentAddress(out, o.componentAddress());
            Fields.writeDescription(out, o.description(), p);
          });

  /** Type 8, fig. 25: 2 + 6. */
  static final ObjectCodec<FacilitySystemTime> FACILITY_SYSTEM_TIME =
      new FixedSizeCodec<>(
          FacilitySystemTime.class,
          8,
          (in, p) ->
              new FacilitySystemTime(
                  Fields.systemType(in), in.readUnsignedByte(), Fields.time(in, p)),
          (o, out, p) -> {
            out.writeByte(o.systemType().code());
            out.writeByte(o.systemAddress());
            Fields.writeTime(out, o.time(), p);
          });

  /** Type 21, fig. 26: 1 + 6; 1 on firmware that omits the time label (profile). */
  static final ObjectCodec<UitdStatus> UITD_STATUS =
      new ObjectCodec<>(UitdStatus.class) {
        @Override
        int objectSize(DeviceProfile profile, int count, int available) {
          return switch (profile.uitdStatusTimeLabel()) {
            case REQUIRED -> 7;
            case ABSENT -> 1;
            case OPTIONAL -> available == count ? 1 : 7;
          };
        }

        @Override
        UitdStatus read(ByteBuf in, DeviceProfile profile, int size) {
          UitdState state = new UitdState(in.readUnsignedByte());
          return new UitdStatus(state, size == 7 ? Fields.time(in, profile) : null);
        }

        @Override
        void write(UitdStatus o, ByteBuf out, DeviceProfile profile) {
          out.writeByte(o.state().bits());
          UitdStatusTimeLabel rule = profile.uitdStatusTimeLabel();
          if (rule == UitdStatusTimeLabel.ABSENT) {
            return;
          }
          if (o.time() == null) {
            if (rule == UitdStatusTimeLabel.REQUIRED) {
              throw new IllegalArgumentException(
                  "profile " + profile.name() + " requires a time label on type 21 (fig. 26)");
            }
            return;
          }
          Fields.writeTime(out, o.time(), profile);
        }
      };

  /** Type 24, fig. 27: 2 + 6. */
  static final ObjectCodec<UitdOperation> UITD_OPERATION =
      new FixedSizeCodec<>(
          UitdOperation.class,
          8,
          (in, p) ->
              new UitdOperation(
                  new UitdOperationFlags(in.readUnsignedByte()),
                  in.readUnsignedByte(),
                  Fields.time(in, p)),
          (o, out, p) -> {
            out.writeByte(o.operation().bits());
            out.writeByte(o.operator());
            Fields.writeTime(out, o.time(), p);
          });

  /** Type 25, fig. 28: 2. */
  static final ObjectCodec<UitdSoftwareVersion> UITD_SOFTWARE_VERSION =
      new FixedSizeCodec<>(
          UitdSoftwareVersion.class,
          2,
          (in, p) -> new UitdSoftwareVersion(in.readUnsignedByte(), in.readUnsignedByte()),
          (o, out, p) -> {
            out.writeByte(o.mainVersion());
            out.writeByte(o.minorVersion());
          });

  /** Type 26, fig. 29: 1 + L. */
  static final ObjectCodec<UitdConfiguration> UITD_CONFIGURATION =
      new ObjectCodec<>(UitdConfiguration.class) {
        @Override
        int objectSize(DeviceProfile profile, int count, int available) {
          return VARIABLE;
        }

        @Override
        UitdConfiguration read(ByteBuf in, DeviceProfile profile, int size)
            throws MalformedAduException {
          return new UitdConfiguration(Fields.lengthPrefixedText(in, "UITD configuration"));
        }

        @Override
        void write(UitdConfiguration o, ByteBuf out, DeviceProfile profile) {
          Fields.writeLengthPrefixedText(out, o.description(), "UITD configuration");
        }
      };

  /** Type 28, fig. 30: 6. */
  static final ObjectCodec<UitdSystemTime> UITD_SYSTEM_TIME =
      new FixedSizeCodec<>(
          UitdSystemTime.class,
          6,
          (in, p) -> new UitdSystemTime(Fields.time(in, p)),
          (o, out, p) -> Fields.writeTime(out, o.time(), p));
}
