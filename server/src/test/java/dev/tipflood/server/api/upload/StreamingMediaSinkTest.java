package dev.tipflood.server.api.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.units.ByteSize;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sink whose file is closed must not let a pipe that still holds it touch the closed AsyncFile. */
class StreamingMediaSinkTest {

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private StreamingMediaSink open(Path temp) throws Exception {
    AsyncFile file = vertx.fileSystem().open(temp.toString(), new OpenOptions().setCreateNew(true).setWrite(true))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new StreamingMediaSink(file, vertx.fileSystem(), temp, "cam.jpg", "image/jpeg", ByteSize.UNLIMITED, () -> { });
  }

  @Test
  void afterAbortTheSinkReportsNoBackPressureIgnoresDrainAndRefusesWrites() throws Exception {
    Path temp = dir.resolve("part.tmp");
    StreamingMediaSink sink = open(temp);
    join(sink.write(Buffer.buffer("first chunk")));
    join(sink.abort());

    // What Vert.x's pipe does with its destination after each write and on close:
    assertThat(sink.writeQueueFull()).isFalse();
    sink.drainHandler(v -> { });
    sink.drainHandler(null);
    Future<Void> late = sink.write(Buffer.buffer("a chunk that arrived after the failure"));
    assertThat(late.failed()).isTrue();
    assertThat(late.cause()).hasMessageContaining("already closed");
    assertThat(Files.readString(temp)).isEqualTo("first chunk");
  }

  @Test
  void afterEndTheSinkIsClosedTooAndTheStagedMediaIsIntact() throws Exception {
    Path temp = dir.resolve("done.tmp");
    StreamingMediaSink sink = open(temp);
    join(sink.write(Buffer.buffer("whole part")));
    join(sink.end());
    assertThat(sink.writeQueueFull()).isFalse();
    assertThat(sink.write(Buffer.buffer("x")).failed()).isTrue();
    assertThat(join(sink.staged()).size()).isEqualTo(10);
    assertThat(Files.readString(temp)).isEqualTo("whole part");
  }

  private static <T> T join(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
