package io.fenghuo.gb26875.adu;

import io.fenghuo.gb26875.profile.DeviceProfile;
import io.netty.buffer.ByteBuf;

/**
 * Reads and writes one information-object layout. Instances are stateless and shared; see {@link
 * ObjectCodecs} for the type-flag table.
 *
 * @param <T> the object record
 */
abstract class ObjectCodec<T extends InformationObject> {

  /** {@link #objectSize} result for objects that carry their own length (types 6 and 26). */
  static final int VARIABLE = -1;

  private final Class<T> objectClass;

  ObjectCodec(Class<T> objectClass) {
    this.objectClass = objectClass;
  }

  final Class<T> objectClass() {
    return objectClass;
  }

  /**
   * Wire size of each object, before any vendor downlink time label.
   *
   * @param count the object count of the ADU
   * @param available ADU bytes after type flag and count (lets lenient profiles pick a layout)
   * @return the size, or {@link #VARIABLE}
   */
  abstract int objectSize(DeviceProfile profile, int count, int available);

  /**
   * Reads one object of {@code size} bytes ({@link #VARIABLE}: the object's own length).
   *
   * @throws MalformedAduException if a variable-length object runs past the ADU
   */
  abstract T read(ByteBuf in, DeviceProfile profile, int size) throws MalformedAduException;

  /**
   * Writes one object.
   *
   * @throws IllegalArgumentException if the object cannot be represented (text too long, missing
   *     time label the profile requires)
   */
  abstract void write(T object, ByteBuf out, DeviceProfile profile);

  final void writeAny(InformationObject object, ByteBuf out, DeviceProfile profile) {
    write(objectClass.cast(object), out, profile);
  }
}
