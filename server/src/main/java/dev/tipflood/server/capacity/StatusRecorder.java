package dev.tipflood.server.capacity;

import dev.tipflood.server.model.pipeline.PipelineObserver;
import dev.tipflood.server.model.pipeline.TipProgress;
import dev.tipflood.server.model.review.Label;
import dev.tipflood.server.model.review.Verdict;
import dev.tipflood.server.model.review.VerdictListener;
import dev.tipflood.server.storage.TipStore;
import dev.tipflood.server.tip.Review;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipStatus;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the pipeline's progress durable in the tip store, so {@code GET /api/v1/tips/{id}} shows
 * where a tip is and its review. Only changes of the stored status are written: processing (a
 * worker took it), awaiting review, reviewed (with the verdict), dropped. Called on the model's
 * thread.
 */
final class StatusRecorder implements PipelineObserver, VerdictListener {

  private final TipStore store;
  private final Clock clock;
  private final AtomicLong failures = new AtomicLong();
  private final Set<String> queuedForReview = new HashSet<>(); // confined to the model's thread

  StatusRecorder(TipStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void progressed(String tipId, TipProgress progress) {
    TipStatus status = switch (progress) {
      case QUEUED_FOR_PROCESSING -> null; // still "received": nothing has processed it yet
      case PROCESSING -> TipStatus.PROCESSING;
      case QUEUED_FOR_REVIEW -> {
        queuedForReview.add(tipId);
        yield TipStatus.AWAITING_REVIEW;
      }
      // a tip that went straight to a free reviewer was never written as awaiting review
      case IN_REVIEW -> queuedForReview.remove(tipId) ? null : TipStatus.AWAITING_REVIEW;
      case REVIEWED -> null; // the verdict writes the review and its status together
      case EXPIRED -> {
        queuedForReview.remove(tipId);
        yield TipStatus.EXPIRED;
      }
    };
    if (status != null) {
      watch(store.updateStatus(new TipId(tipId), status));
    }
  }

  @Override
  public void onVerdict(Verdict verdict) {
    Review.Verdict decided = verdict.label() == Label.JUNK ? Review.Verdict.JUNK : Review.Verdict.LEGIT;
    watch(store.attachReview(new TipId(verdict.tipId()), new Review(decided, "simulated-reviewer", clock.instant())));
  }

  /** Store writes that failed, e.g. after a disk error; the tip keeps its last durable status. */
  long failures() {
    return failures.get();
  }

  private void watch(CompletionStage<?> write) {
    write.whenComplete((r, e) -> {
      if (e != null && failures.getAndIncrement() == 0) {
        System.err.println("tipflood-server: pipeline status not stored (further failures counted only): " + e);
      }
    });
  }
}
