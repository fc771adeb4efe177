package dev.tipflood.server.api.upload;

import dev.tipflood.server.config.Profile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.file.OpenOptions;
import java.nio.file.Path;

/**
 * Opens where a media part streams to: its temp file (or heap, for the naive profile), with the
 * defences' {@link PartGuard} in front of it.
 */
final class MediaSinks {
  private final Vertx vertx;
  private final Profile profile;
  private final WorkerExecutor worker;

  MediaSinks(Vertx vertx, Profile profile, WorkerExecutor worker) {
    this.vertx = vertx;
    this.profile = profile;
    this.worker = worker;
  }

  Future<MediaSink> open(Path temp, String filename, String type, PartGuard guard, Runnable onProgress) {
    if (profile.uploads().buffered()) {
      return Future.succeededFuture(new HeapMediaSink(worker, temp, filename, type,
          profile.limits().maxMediaBytes(), onProgress).guardedBy(guard));
    }
    return vertx.fileSystem()
        .open(temp.toString(), new OpenOptions().setCreateNew(true).setWrite(true).setRead(false))
        .map(file -> new StreamingMediaSink(file, vertx.fileSystem(), temp, filename, type, profile.limits().maxMediaBytes(), onProgress)
            .guardedBy(guard));
  }
}
