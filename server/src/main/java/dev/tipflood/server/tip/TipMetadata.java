package dev.tipflood.server.tip;

import java.time.Instant;
import java.util.Objects;

/**
 * What the tipster said: validated metadata of one tip.
 *
 * @param description free text
 * @param lat WGS84 latitude, -90..90
 * @param lon WGS84 longitude, -180..180
 * @param occurredAt when the reported event happened
 * @param deviceId the submitting device as the app names it
 */
public record TipMetadata(String description, double lat, double lon, Instant occurredAt, String deviceId) {
  public TipMetadata {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(deviceId, "deviceId");
    if (lat < -90 || lat > 90) {
      throw new IllegalArgumentException("lat must be within -90..90, got " + lat);
    }
    if (lon < -180 || lon > 180) {
      throw new IllegalArgumentException("lon must be within -180..180, got " + lon);
    }
  }
}
