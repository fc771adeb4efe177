package dev.tipflood.server.api;

import dev.tipflood.server.storage.DiskFull;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.upload.StagedMedia;
import dev.tipflood.server.api.upload.StagedUpload;
import dev.tipflood.server.storage.MediaStore;
import dev.tipflood.server.storage.TipStore;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.internal.ContextInternal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Turns a completely received body into a durable tip: validates the metadata, moves the media
 * into place (on the storage worker pool), then appends the journal record. The returned future
 * completes only once both are on disk.
 */
public final class TipIntake {
  private final MetadataParser parser;
  private final MediaStore media;
  private final TipStore tips;
  private final WorkerExecutor worker;
  private final Clock clock;
  private final Map<Context, Executor> executors = new ConcurrentHashMap<>();

  public TipIntake(MetadataParser parser, MediaStore media, TipStore tips, WorkerExecutor worker, Clock clock) {
    this.parser = parser;
    this.media = media;
    this.tips = tips;
    this.worker = worker;
    this.clock = clock;
  }

  /** Validates and stores; fails with an {@link ApiException} for bad input or unavailable storage. */
  public Future<TipRecord> accept(StagedUpload upload, Context context) {
    return accept(upload, context, null);
  }

  /**
   * As {@link #accept(StagedUpload, Context)}; when {@code mediaUploadAfter} is not null the tip's
   * media were deferred (dropped unstored) and it is stored {@code deferred}, its text only.
   */
  public Future<TipRecord> accept(StagedUpload upload, Context context, Instant mediaUploadAfter) {
    TipMetadata metadata = parser.parse(upload.metadataJson());
    checkNotEmpty(upload);
    TipId id = TipId.next(clock.millis());
    if (mediaUploadAfter != null) {
      return store(TipRecord.deferred(id, clock.instant(), metadata, mediaUploadAfter), MediaPlacement.NONE, context,
          tips::append);
    }
    if (upload.media().isEmpty()) {
      return store(TipRecord.received(id, clock.instant(), metadata, List.of()), MediaPlacement.NONE, context,
          tips::append);
    }
    return place(id, upload).compose(placed -> store(TipRecord.received(id, clock.instant(), metadata,
        placed.items()), placed, context, tips::append));
  }

  /**
   * Stores the media that arrived for the deferred tip {@code tip} (its media moved into place,
   * then the journal's {@code media} record); the future completes once both are durable, with
   * the tip as it now is ({@code received}, with its media).
   */
  public Future<TipRecord> attach(TipRecord tip, StagedUpload upload, Context context) {
    checkNotEmpty(upload);
    return place(tip.id(), upload).compose(placed -> store(tip.withMedia(placed.items()), placed, context,
        tips::attachMedia));
  }

  private static void checkNotEmpty(StagedUpload upload) {
    for (StagedMedia m : upload.media()) {
      if (m.size() == 0) {
        throw ApiException.of(ErrorCode.EMPTY_FILE, "media file '" + m.filename() + "' is empty");
      }
    }
  }

  /** Puts the staged media in place (moved, or linked to an earlier copy), on the storage pool. */
  private Future<MediaPlacement> place(TipId id, StagedUpload upload) {
    return worker.executeBlocking(() -> MediaPlacement.place(media, id, upload.media()), false)
        .recover(e -> Future.failedFuture(storageFailed(e)));
  }

  /** Writes one journal record, completing on the given executor: a new tip, or a deferred tip's media. */
  @FunctionalInterface
  private interface JournalWrite {
    CompletionStage<TipRecord> write(TipRecord tip, Executor completeOn);
  }

  /**
   * Appends the journal record; the future completes on the request's event loop, grouped with
   * the other tips of the same commit. If the record fails, the media moved for it are removed
   * (never an earlier tip's copy it linked to); once it is durable, the copies of linked parts are.
   */
  private Future<TipRecord> store(TipRecord tip, MediaPlacement placed, Context context, JournalWrite journal) {
    Promise<TipRecord> stored = Promise.promise();
    journal.write(tip, executorOf(context)).whenComplete((t, e) -> {
      if (e == null) {
        dropUnkept(placed.unkept());
        stored.complete(t);
      } else {
        forget(placed.ownNames()).onComplete(v -> stored.fail(storageFailed(e)));
      }
    });
    return stored.future();
  }

  /**
   * One executor instance per event loop, so the store can group completions by executor. Each
   * request runs on its own duplicate of the event loop's context; the root is the same for all.
   */
  private Executor executorOf(Context context) {
    return executors.computeIfAbsent(((ContextInternal) context).unwrap(),
        root -> task -> root.runOnContext(v -> task.run()));
  }

  /** The journal record failed: the moved media belong to no tip, so remove them. */
  private Future<Void> forget(List<String> names) {
    if (names.isEmpty()) {
      return Future.succeededFuture();
    }
    return worker.<Void>executeBlocking(() -> {
      names.forEach(n -> media.delete(media.resolve(n)));
      return null;
    }, false).recover(e -> Future.succeededFuture());
  }

  /**
   * The record is durable and refers to the earlier copies: the linked parts' own copies go. A
   * failure leaves a temp file, which the next start-up removes.
   */
  private void dropUnkept(List<Path> temps) {
    if (temps.isEmpty()) {
      return;
    }
    worker.<Void>executeBlocking(() -> {
      temps.forEach(media::delete);
      return null;
    }, false).onFailure(e -> System.err.println("tipflood-server: cannot delete a linked duplicate's copy: " + e));
  }

  private static ApiException storageFailed(Throwable e) {
    System.err.println("tipflood-server: storage failure: " + e);
    if (DiskFull.causedBy(e)) {
      return ApiException.retryLater(ErrorCode.DISK_FULL, "the server's disk is full; the tip was not stored, "
          + "retry later", DiskFull.RETRY_AFTER);
    }
    return ApiException.retryLater(ErrorCode.STORAGE_UNAVAILABLE, "the tip could not be stored durably; retry later",
        java.time.Duration.ofSeconds(5));
  }
}
