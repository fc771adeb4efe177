package dev.tipflood.server.api.upload.multipart;

import java.util.Objects;

/**
 * What one part declares in its headers.
 *
 * @param name the {@code name} parameter of its Content-Disposition, never null or empty
 * @param filename the {@code filename*} (preferred) or {@code filename} parameter, null when absent
 * @param contentType the Content-Type value, trimmed, null when absent
 */
public record PartHeaders(String name, String filename, String contentType) {

  public PartHeaders {
    Objects.requireNonNull(name, "name");
  }
}
