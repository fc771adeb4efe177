package dev.tipflood.server.tip;

import java.util.Objects;

/**
 * One stored media file of a tip.
 *
 * @param index position among the tip's media parts, from 0
 * @param filename the client's file name (validated: no path, no control characters)
 * @param contentType the part's declared content type
 * @param size bytes stored
 * @param sha256 lower-case hex SHA-256 of the bytes, computed while they streamed
 * @param storedAs file name inside the media directory
 */
public record MediaItem(int index, String filename, String contentType, long size, String sha256, String storedAs) {
  public MediaItem {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(storedAs, "storedAs");
    if (index < 0 || size < 0) {
      throw new IllegalArgumentException("index and size must not be negative");
    }
  }
}
