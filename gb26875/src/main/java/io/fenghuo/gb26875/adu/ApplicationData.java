package io.fenghuo.gb26875.adu;

/**
 * The application data unit (应用数据单元) of a packet, GB/T 26875.3-2011 §7, fig. 5:
 *
 * <pre>
 * +-----------+--------------+----------------------------------------------+
 * | type flag | object count | object 1 … object n                           |
 * | 1 byte    | 1 byte       | information body (+ 6-byte time label, per type)|
 * +-----------+--------------+----------------------------------------------+
 * </pre>
 *
 * <ul>
 *   <li>{@link NoData}: L = 0, as in confirm, deny and heartbeat frames.
 *   <li>{@link TypedData}: a type flag the standard defines, with typed information objects.
 *   <li>{@link OpaqueData}: reserved, user-defined (128–254) and 255 type flags, kept as bytes.
 * </ul>
 */
public sealed interface ApplicationData permits NoData, TypedData, OpaqueData {

  /** The type flag byte, or -1 for {@link NoData}. */
  int typeFlagValue();
}
