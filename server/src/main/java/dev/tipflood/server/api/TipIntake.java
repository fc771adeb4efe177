package dev.tipflood.server.api;

import dev.tipflood.server.storage.DiskFull;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.upload.StagedMedia;
import dev.tipflood.server.api.upload.StagedUpload;
import dev.tipflood.server.storage.MediaStore;
import dev.tipflood.server.storage.TipStore;
import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.internal.ContextInternal;
import java.time.Clock;
import java.util.ArrayList;
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
    TipMetadata metadata = parser.parse(upload.metadataJson());
    for (StagedMedia m : upload.media()) {
      if (m.size() == 0) {
        throw ApiException.of(ErrorCode.EMPTY_FILE, "media file '" + m.filename() + "' is empty");
      }
    }
    TipId id = TipId.next(clock.millis());
    if (upload.media().isEmpty()) {
      return store(TipRecord.received(id, clock.instant(), metadata, List.of()), List.of(), context);
    }
    return worker.executeBlocking(() -> media.promote(id, upload.media().stream().map(StagedMedia::temp).toList()),
            false)
        .compose(names -> store(TipRecord.received(id, clock.instant(), metadata, items(upload.media(), names)),
            names, context), e -> Future.failedFuture(storageFailed(e)));
  }

  /**
   * Appends the journal record; the future completes on the request's event loop, grouped with
   * the other tips of the same commit. If the record fails, the media moved for it are removed.
   */
  private Future<TipRecord> store(TipRecord tip, List<String> names, Context context) {
    Promise<TipRecord> stored = Promise.promise();
    tips.append(tip, executorOf(context)).whenComplete((t, e) -> {
      if (e == null) {
        stored.complete(t);
      } else {
        forget(names).onComplete(v -> stored.fail(storageFailed(e)));
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

  private static List<MediaItem> items(List<StagedMedia> staged, List<String> names) {
    List<MediaItem> items = new ArrayList<>(staged.size());
    for (int i = 0; i < staged.size(); i++) {
      StagedMedia m = staged.get(i);
      items.add(new MediaItem(i, m.filename(), m.contentType(), m.size(), m.sha256(), names.get(i)));
    }
    return items;
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
