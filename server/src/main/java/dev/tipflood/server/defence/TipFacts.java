package dev.tipflood.server.defence;

import java.time.Instant;
import java.util.Objects;

/**
 * A durable tip as the defences at {@link Point#DURABLE} see it: what the tipster said,
 * validated, and when the service took it.
 *
 * @param tipId the tip's id
 * @param description free text
 * @param lat WGS84 latitude
 * @param lon WGS84 longitude
 * @param occurredAt when the tipster says it happened
 * @param receivedAt when the service stored it (its wall clock)
 * @param deviceId the device the tipster's app names
 * @param mediaSha256 the stored media's SHA-256 digests, in part order
 * @param mediaStoredAs the stored media's names in the media store, in part order
 */
public record TipFacts(String tipId, String description, double lat, double lon, Instant occurredAt,
    Instant receivedAt, String deviceId, java.util.List<String> mediaSha256, java.util.List<String> mediaStoredAs) {
  public TipFacts {
    Objects.requireNonNull(tipId, "tipId");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(deviceId, "deviceId");
    mediaSha256 = java.util.List.copyOf(mediaSha256);
    mediaStoredAs = java.util.List.copyOf(mediaStoredAs);
  }
}
