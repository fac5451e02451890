package io.fenghuo.alarm.alarm;

import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.signal.PointRef;

/**
 * A point of an alarm as stored.
 *
 * @param device the UITD
 * @param point the system or component, or null for the UITD itself
 * @param place where it is, as the archive said when it was recorded
 */
public record StoredPoint(DeviceAddress device, PointRef point, PointPlace place) {}
