package dev.tipflood.server.defence.throttle;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Point;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What identifies a client. The address is known from the headers, so a throttle keyed on it
 * acts before any body byte; the device id only from the metadata part.
 */
public enum ClientKey {
  DEVICE(EnumSet.of(Point.METADATA)),
  ADDRESS(EnumSet.of(Point.HEADERS)),
  /** Both, each with its own limit: the address checked from the headers, the device from the metadata. */
  BOTH(EnumSet.of(Point.HEADERS, Point.METADATA));

  public static final String ALLOWED = "device, address or both";
  private final Set<Point> points;

  ClientKey(Set<Point> points) {
    this.points = points;
  }

  /** The points a throttle keyed this way acts at. */
  public Set<Point> points() {
    return points;
  }

  /** The key to check at {@code point}, or null when this keying has nothing to check there. */
  public String keyAt(Point point, Attempt a) {
    if (point == Point.HEADERS && this != DEVICE) {
      return "a:" + a.address();
    }
    if (point == Point.METADATA && this != ADDRESS && a.deviceId() != null) {
      return "d:" + a.deviceId();
    }
    return null;
  }

  /** The key of a per-client budget spent during the body: the device when known and asked for, else the address. */
  public String bodyKey(Attempt a) {
    return this != ADDRESS && a.deviceId() != null ? "d:" + a.deviceId() : "a:" + a.address();
  }

  /** The client a key names, for a message: {@code device 'x'} or {@code address 10.0.0.7}. */
  static String describe(String key, Attempt a) {
    return key.startsWith("d:") ? "device '" + a.deviceId() + "'" : "address " + a.address();
  }

  public static ClientKey parse(String text) {
    for (ClientKey k : values()) {
      if (k.name().toLowerCase(Locale.ROOT).equals(text)) {
        return k;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
