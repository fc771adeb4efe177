package dev.tipflood.server.api.upload;

import dev.tipflood.server.model.storage.UploadGovernor;
import dev.tipflood.server.storage.MediaStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.Pipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The media parts of one upload on their way to storage: each part's temp file, sink and pipe,
 * and the future of its staged result. Confined to the request's event loop.
 */
final class MediaStaging {
  private static final long SETTLE_WAIT_MILLIS = 5_000;

  private final Vertx vertx;
  private final MediaStore store;
  private final WorkerExecutor worker;
  private final MediaSinks sinkFactory;
  private final RequestFlow flow;
  private final SlowBodyClock slowBody;
  private final UploadGovernor.Allowance allowance;
  private final BooleanSupplier failed;
  private final Consumer<Throwable> onFailure;
  private final List<Path> temps = new ArrayList<>();
  private final List<MediaSink> sinks = new ArrayList<>();
  private final List<Pipe<Buffer>> pipes = new ArrayList<>();
  private final List<Future<StagedMedia>> staged = new ArrayList<>();

  /**
   * @param failed whether the upload has failed (a part whose file opens after that is aborted)
   * @param onFailure told when a part fails to stage
   */
  MediaStaging(Vertx vertx, MediaStore store, WorkerExecutor worker, MediaSinks sinkFactory, RequestFlow flow,
      SlowBodyClock slowBody, UploadGovernor.Allowance allowance, BooleanSupplier failed,
      Consumer<Throwable> onFailure) {
    this.vertx = vertx;
    this.store = store;
    this.worker = worker;
    this.sinkFactory = sinkFactory;
    this.flow = flow;
    this.slowBody = slowBody;
    this.allowance = allowance;
    this.failed = failed;
    this.onFailure = onFailure;
  }

  /** Starts one media part: a temp file, a sink behind {@code guard}, and the stream the parser pushes into. */
  PartStream stream(String filename, String type, PartGuard guard) {
    // Until the temp file is open the pipe holds the body paused: the server's wait, not the client's.
    slowBody.serverHolds();
    Path temp = store.newTempFile();
    temps.add(temp);
    PartStream part = new PartStream(flow);
    Pipe<Buffer> pipe = part.pipe().endOnFailure(false);
    pipes.add(pipe);
    // A stored chunk's bytes were counted as they arrived, so storing adds no progress of its own.
    Future<MediaSink> sink = sinkFactory.open(temp, filename, type, guard, () -> slowBody.received(0));
    Future<StagedMedia> done = sink.andThen(ar -> slowBody.serverReleases()).compose(s -> {
      sinks.add(s);
      if (failed.getAsBoolean()) {
        // The upload failed while the file was being opened.
        pipe.close();
        return s.abort().compose(v -> Future.failedFuture(new IllegalStateException("upload aborted")));
      }
      return pipe.to(new GovernedSink(s, allowance, vertx.getOrCreateContext(), slowBody))
          .andThen(ar -> pipes.remove(pipe))
          .compose(v -> s.staged());
    });
    staged.add(done.onFailure(onFailure::accept));
    return part;
  }

  boolean isEmpty() {
    return staged.isEmpty();
  }

  /** Every part staged, in order; fails with the first part that failed. */
  Future<List<StagedMedia>> all() {
    return Future.all(new ArrayList<>(staged)).map(all -> staged.stream().map(Future::result).toList());
  }

  /**
   * Stops every part: closing a pipe resumes its upload with no handler, so the rest of that part
   * is dropped; each sink releases its file or memory.
   */
  void abort() {
    List.copyOf(pipes).forEach(Pipe::close);
    sinks.forEach(MediaSink::abort);
  }

  /**
   * Deletes every temp file: now, and again once every part has settled, since a file still being
   * opened or written when the upload failed may appear after the first pass.
   */
  Future<Void> discard() {
    deleteTemps();
    // A part whose pipe was closed never settles, so wait for the rest at most a few seconds.
    Promise<Void> settled = Promise.promise();
    long timer = vertx.setTimer(SETTLE_WAIT_MILLIS, id -> settled.tryComplete());
    Future.join(new ArrayList<>(staged)).onComplete(ar -> {
      vertx.cancelTimer(timer);
      settled.tryComplete();
    });
    return settled.future().compose(v -> deleteTemps());
  }

  private Future<Void> deleteTemps() {
    List<Path> toDelete = List.copyOf(temps);
    if (toDelete.isEmpty()) {
      return Future.succeededFuture();
    }
    return worker.executeBlocking(() -> {
      toDelete.forEach(store::delete);
      return null;
    }, false);
  }
}
