package dev.tipflood.server.config;

import static dev.tipflood.binding.InvalidFieldException.require;

import dev.tipflood.units.ByteSize;

/**
 * Size and count caps on one tip POST. Absent fields take the defaults below.
 *
 * @param maxRequestBytes whole request body; checked from Content-Length before the body is
 *     read and again while it streams. Scaled by {@code --scale}.
 * @param maxMediaBytes one media part. Scaled by {@code --scale}.
 * @param maxParts all parts of the multipart body, metadata included
 * @param maxMetadataBytes the metadata JSON part
 * @param maxDescriptionChars the description, counted in Unicode code points
 * @param maxHeaderBytes all request headers together
 */
public record LimitsConfig(
    ByteSize maxRequestBytes,
    ByteSize maxMediaBytes,
    CountCap maxParts,
    ByteSize maxMetadataBytes,
    CountCap maxDescriptionChars,
    ByteSize maxHeaderBytes) {

  public LimitsConfig {
    maxRequestBytes = orDefault(maxRequestBytes, ByteSize.ofMebibytes(64));
    maxMediaBytes = orDefault(maxMediaBytes, ByteSize.ofMebibytes(32));
    maxParts = maxParts == null ? CountCap.of(11) : maxParts;
    maxMetadataBytes = orDefault(maxMetadataBytes, ByteSize.ofBytes(16 * 1024));
    maxDescriptionChars = maxDescriptionChars == null ? CountCap.of(4000) : maxDescriptionChars;
    maxHeaderBytes = orDefault(maxHeaderBytes, ByteSize.ofBytes(8 * 1024));
    require(maxRequestBytes.bytes() > 0, "maxRequestBytes", "must be at least 1 byte");
    require(maxMediaBytes.bytes() > 0, "maxMediaBytes", "must be at least 1 byte");
    require(maxMetadataBytes.bytes() >= 64, "maxMetadataBytes", "must be at least 64 bytes, got " + maxMetadataBytes);
    require(maxHeaderBytes.bytes() >= 1024, "maxHeaderBytes", "must be at least 1KB, got " + maxHeaderBytes);
    require(maxParts.value() >= 1, "maxParts", "must be at least 1 (the metadata part)");
  }

  private static ByteSize orDefault(ByteSize v, ByteSize d) {
    return v == null ? d : v;
  }

  public static LimitsConfig defaults() {
    return new LimitsConfig(null, null, null, null, null, null);
  }

  /** The byte caps that model media scaled by {@code factor}; protocol-level caps are kept. */
  public LimitsConfig scaled(double factor) {
    return new LimitsConfig(maxRequestBytes.scaled(factor), maxMediaBytes.scaled(factor), maxParts,
        maxMetadataBytes, maxDescriptionChars, maxHeaderBytes);
  }
}
