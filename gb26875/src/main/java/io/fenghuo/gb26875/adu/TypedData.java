package io.fenghuo.gb26875.adu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ADU of a type the standard defines (GB/T 26875.3-2011 §8.3): the type flag and its information
 * objects, all of the layout the type prescribes.
 *
 * @param type not null
 * @param objects not null, immutable copy; at most {@link TypeFlag#maxObjects()} objects of the
 *     type's record class (e.g. {@link ComponentStatus} for type 2, {@link SystemQuery} for 61)
 */
public record TypedData(TypeFlag type, List<InformationObject> objects) implements ApplicationData {

  /**
   * @throws IllegalArgumentException if there are more objects than the type allows or an object
   *     has the wrong record class for the type
   */
  public TypedData {
    Objects.requireNonNull(type, "type");
    objects = List.copyOf(objects);
    if (objects.size() > type.maxObjects()) {
      throw new IllegalArgumentException(
          "type "
              + type.value()
              + " carries at most "
              + type.maxObjects()
              + " objects, got "
              + objects.size());
    }
    Class<?> expected = ObjectCodecs.forType(type).objectClass();
    for (InformationObject o : objects) {
      if (!expected.isInstance(o)) {
        throw new IllegalArgumentException(
            "type "
                + type.value()
                + " carries "
                + expected.getSimpleName()
                + ", not "
                + o.getClass().getSimpleName());
      }
    }
  }

  /** Convenience for {@code new TypedData(type, List.of(objects))}. */
  public static TypedData of(TypeFlag type, InformationObject... objects) {
    return new TypedData(type, List.of(objects));
  }

  /**
   * The objects as their record class.
   *
   * @throws ClassCastException if this type does not carry {@code objectClass}
   */
  public <T extends InformationObject> List<T> objects(Class<T> objectClass) {
    List<T> out = new ArrayList<>(objects.size());
    for (InformationObject o : objects) {
      out.add(objectClass.cast(o));
    }
    return out;
  }

  @Override
  public int typeFlagValue() {
    return type.value();
  }
}
