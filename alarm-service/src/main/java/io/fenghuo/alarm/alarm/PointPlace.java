package io.fenghuo.alarm.alarm;

/**
 * Where a point is, from the unit archive; every field null when the archive does not know.
 *
 * @param location location text
 * @param building building name
 * @param floor floor number (negative below ground)
 * @param component component type label (GB/T 26875.3 table 5)
 * @param systemName system type label (table 4)
 */
public record PointPlace(
    String location, String building, Integer floor, String component, String systemName) {

  public static final PointPlace UNKNOWN = new PointPlace(null, null, null, null, null);
}
