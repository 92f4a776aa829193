package io.streamsight.processors.behavior;

import java.util.Locale;

/** The kinds of behaviour rule a camera config can hold; the name is the JSON {@code type}. */
public enum RuleType {
  /** An object of a watched class inside a restricted zone. */
  INTRUSION,
  /** An object in a zone for longer than {@code seconds} (loitering). */
  DWELL,
  /** An object crossing a line, in a direction. */
  LINE_CROSSING,
  /** More than {@code above} objects in a zone, until at most {@code below} (hysteresis). */
  OCCUPANCY,
  /** An object faster than {@code above} (px/s, or m/s with a homography). */
  SPEED,
  /** A person moving faster than {@code above} body heights per second (or m/s). */
  RUNNING,
  /** A bag or suitcase still for {@code seconds} with no person within {@code personDistance}. */
  STATIONARY_OBJECT,
  /** A person going from upright to lying fast: box aspect, vertical drop, and pose. */
  FALL;

  /** The JSON and event name, e.g. {@code line_crossing}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code name} (case-insensitive). */
  public static RuleType parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown rule type '"
              + name
              + "' (intrusion, dwell, line_crossing, occupancy, speed, running,"
              + " stationary_object, fall)",
          e);
    }
  }
}
