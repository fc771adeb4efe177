package dev.tipflood.server.api.upload;

import java.nio.file.Path;

/**
 * A media part fully received and fsynced to a temp file, not yet part of a tip.
 *
 * @param temp the temp file
 * @param filename the client's (validated) filename
 * @param contentType the part's content type
 * @param size bytes
 * @param sha256 hex SHA-256, computed while streaming
 * @param linkTo where a byte-identical copy is already stored, when a defence asked to link to it
 *     instead of keeping this one ({@code onDuplicate: link}); null to keep this copy
 */
public record StagedMedia(Path temp, String filename, String contentType, long size, String sha256, StoredCopy linkTo) {
  public StagedMedia(Path temp, String filename, String contentType, long size, String sha256) {
    this(temp, filename, contentType, size, sha256, null);
  }

  /** This part, to be linked to {@code copy} instead of kept. */
  public StagedMedia linkedTo(StoredCopy copy) {
    return new StagedMedia(temp, filename, contentType, size, sha256, copy);
  }

  /**
   * A stored medium another tip already holds.
   *
   * @param tipId the tip that stored it
   * @param storedAs its name in the media store
   */
  public record StoredCopy(String tipId, String storedAs) {}
}
