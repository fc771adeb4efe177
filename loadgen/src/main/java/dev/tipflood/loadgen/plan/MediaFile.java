package dev.tipflood.loadgen.plan;

/**
 * One media file of the corpus, streamed from disk as a multipart part.
 *
 * @param path        absolute path of the file
 * @param contentType the part's content type, e.g. {@code video/x-msvideo}
 * @param bytes       its size, for MB/s accounting
 */
public record MediaFile(String path, String contentType, long bytes) {
  public MediaFile {
    Plans.requireText(path, "media.path");
    Plans.requireText(contentType, "media.contentType");
    if (bytes < 0) {
      throw new IllegalArgumentException("media.bytes must be >= 0, was " + bytes);
    }
  }

  /** The file name sent in the part's Content-Disposition. */
  public String fileName() {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }
}
