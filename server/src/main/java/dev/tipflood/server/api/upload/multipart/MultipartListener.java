package dev.tipflood.server.api.upload.multipart;

import io.vertx.core.buffer.Buffer;

/**
 * Receives the events of one multipart body, synchronously from {@link MultipartParser#feed} and
 * {@link MultipartParser#end}. Per part: {@code onPartStart}, zero or more {@code onPartData},
 * {@code onPartEnd}; then {@code onComplete} once, or {@code onError} at most once, after which
 * nothing is called.
 *
 * <p>{@code onPartStart} and {@code onPartData} may throw a RuntimeException to reject the part;
 * the parser then fails and rethrows it to the caller of {@code feed}, without calling {@code onError}.
 */
public interface MultipartListener {

  /** A part's header block ended; its data follows. */
  void onPartStart(PartHeaders headers);

  /**
   * Next bytes of the current part. Usually a slice of the fed buffer (no copy): read it, do not
   * write into it. Never empty. The CRLF before the next delimiter is not part of the data.
   */
  void onPartData(Buffer data);

  /** The current part's data ended (its delimiter was seen). */
  void onPartEnd();

  /** The close delimiter was seen and {@link MultipartParser#end} was called. */
  void onComplete();

  /** The body is not acceptable; see {@link MultipartException#kind()}. */
  void onError(MultipartException error);
}
