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
 * @param linkedTo the earlier tip whose byte-identical stored copy {@code storedAs} names (the
 *     {@code exact-duplicate} defence's {@code onDuplicate: link}); null when this tip stored its own copy
 */
public record MediaItem(int index, String filename, String contentType, long size, String sha256, String storedAs,
    String linkedTo) {
  /** A medium stored as the tip's own copy. */
  public MediaItem(int index, String filename, String contentType, long size, String sha256, String storedAs) {
    this(index, filename, contentType, size, sha256, storedAs, null);
  }

  /** Whether this medium refers to an earlier tip's stored copy instead of a copy of its own. */
  public boolean linked() {
    return linkedTo != null;
  }

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
