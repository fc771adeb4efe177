package dev.tipflood.server.api.upload;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * What the defences do with one media part's bytes on their way to storage: hold back its first
 * bytes until they have been looked at, look at every chunk before it is written, and judge the
 * part once it is complete. A refusal is an {@link dev.tipflood.server.api.error.ApiException}
 * (thrown, or a failed future): the session then fails and deletes the part's temp file.
 * {@link #NONE} passes everything through untouched.
 */
public interface PartGuard {
  PartGuard NONE = new PartGuard() {
    @Override
    public Buffer admit(Buffer chunk) {
      return chunk;
    }

    @Override
    public Buffer flush() {
      return null;
    }

    @Override
    public Future<StagedMedia> staged(StagedMedia media) {
      return Future.succeededFuture(media);
    }
  };

  /** A chunk is about to be stored: the bytes that may be stored now, or null while the guard holds them back. */
  Buffer admit(Buffer chunk);

  /** The part's bytes have all arrived: whatever the guard still holds, to be stored now, or null. */
  Buffer flush();

  /** The part is durable in its temp file; a failed future refuses it. */
  Future<StagedMedia> staged(StagedMedia media);
}
