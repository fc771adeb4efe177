package dev.tipflood.server.storage;

import dev.tipflood.server.tip.Review;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Durable store of tip records. Writes complete only once the change is on disk (fsynced); reads
 * are served from memory and never block.
 *
 * <pre>{@code
 * store.append(tip).thenRun(() -> answer201());
 * store.updateStatus(id, TipStatus.PROCESSING);
 * store.attachReview(id, new Review(Verdict.JUNK, "reviewer-3", clock.instant()));
 * }</pre>
 */
public interface TipStore extends AutoCloseable {
  /** Stores a new tip durably. Its media must already be durable in the {@link MediaStore}. */
  default CompletionStage<TipRecord> append(TipRecord tip) {
    return append(tip, Runnable::run);
  }

  /**
   * Stores a new tip durably; the stage completes on {@code completeOn} (typically the caller's
   * event loop: pass the same instance for the same thread, so a store can hand a whole group
   * commit's completions over in one task).
   */
  CompletionStage<TipRecord> append(TipRecord tip, Executor completeOn);

  /** The tip as last made durable. May block on disk: call it on a worker thread. */
  Optional<TipRecord> find(TipId id);

  /**
   * From memory, never blocking: false when no tip with this id is stored. True when one is, or
   * (rarely, for an id that was never stored) when {@link #find} will have to look to tell.
   */
  boolean mightContain(TipId id);

  /**
   * Durably changes a tip's pipeline status; completes once it is on disk, fails with
   * {@link UnknownTipException} for an unknown id. {@link #find} shows the change from then on.
   */
  CompletionStage<Void> updateStatus(TipId id, TipStatus status);

  /** Durably attaches a review (the status becomes {@code reviewed}); completes once it is on disk. */
  CompletionStage<Void> attachReview(TipId id, Review review);

  /**
   * Reserves a deferred tip for one media upload: true when its status is {@code deferred} and no
   * other upload holds it; then {@link #releaseMedia} must follow, whatever the upload's outcome.
   * From memory, never blocking.
   */
  boolean reserveMedia(TipId id);

  /** Ends a {@link #reserveMedia} reservation. */
  void releaseMedia(TipId id);

  /**
   * Closes a deferred tip's media window: unless its media have arrived or are arriving (an
   * upload holds the reservation), its status becomes {@code received} (durably, a status
   * record), so it takes no media upload from then on and may go to review on its text alone.
   *
   * @return true when it closed; false when the tip is not deferred or an upload is under way
   */
  default CompletionStage<Boolean> closeMediaWindow(TipId id) {
    if (!reserveMedia(id)) {
      return CompletableFuture.completedFuture(false);
    }
    return updateStatus(id, TipStatus.RECEIVED).handle((done, failure) -> {
      releaseMedia(id);
      if (failure != null) {
        throw failure instanceof CompletionException c ? c : new CompletionException(failure);
      }
      return true;
    });
  }

  /**
   * Durably attaches the media that arrived for a deferred tip ({@code tip} is the tip with them,
   * {@link TipRecord#withMedia}); completes on {@code completeOn} once it is on disk, the tip's
   * status then {@code received}. Its media must already be durable in the {@link MediaStore}.
   * Fails when the stored tip is not {@code deferred}.
   */
  CompletionStage<TipRecord> attachMedia(TipRecord tip, Executor completeOn);

  /** Number of stored tips. */
  int count();

  /** Whether writes can currently succeed (false after a disk error). */
  boolean healthy();

  @Override
  void close();
}
