package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.profile.DeviceProfile;
import io.netty.buffer.ByteBuf;

/** An {@link ObjectCodec} for layouts of one fixed size, built from two lambdas. */
final class FixedSizeCodec<T extends InformationObject> extends ObjectCodec<T> {

  @FunctionalInterface
  interface Reader<T> {
    T read(ByteBuf in, DeviceProfile profile);
  }

  @FunctionalInterface
  interface Writer<T> {
    void write(T object, ByteBuf out, DeviceProfile profile);
  }

  private final int size;
  private final Reader<T> reader;
  private final Writer<T> writer;

  FixedSizeCodec(Class<T> objectClass, int size, Reader<T> reader, Writer<T> writer) {
    super(objectClass);
    this.size = size;
    this.reader = reader;
    this.writer = writer;
  }

  @Override
  int objectSize(DeviceProfile profile, int count, int available) {
    return size;
  }

  @Override
  T read(ByteBuf in, DeviceProfile profile, int size) {
    return reader.read(in, profile);
  }

  @Override
  void write(T object, ByteBuf out, DeviceProfile profile) {
    writer.write(object, out, profile);
  }
}
