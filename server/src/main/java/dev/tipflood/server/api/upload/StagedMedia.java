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
 */
public record StagedMedia(Path temp, String filename, String contentType, long size, String sha256) {}
