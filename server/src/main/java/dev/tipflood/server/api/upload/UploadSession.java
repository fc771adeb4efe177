package dev.tipflood.server.api.upload;

import dev.tipflood.server.api.ApiException;
import dev.tipflood.server.api.ErrorCode;
import dev.tipflood.server.config.Profile;
import dev.tipflood.server.storage.MediaStore;
import dev.tipflood.server.storage.UploadGovernor;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Receives one multipart tip body: streams media parts into temp files (or heap, for the naive
 * profile), collects the metadata part, enforces every cap while the body streams, and either
 * yields a complete {@link StagedUpload} or fails with an {@link ApiException}. On failure every
 * temp file it made is deleted.
 *
 * <p>Vert.x decodes the multipart framing; this class adds what the decoder cannot know: caps,
 * a truncated body (no closing delimiter), a stalled body, and which parts are allowed.
 */
public final class UploadSession {
  private static final int EPILOGUE_ALLOWANCE = 64;
  private static final long SETTLE_WAIT_MILLIS = 5_000;

  private final Vertx vertx;
  private final HttpServerRequest request;
  private final Profile profile;
  private final MediaStore store;
  private final WorkerExecutor worker;
  private final byte[] closeDelimiter;
  private final Promise<StagedUpload> result = Promise.promise();
  private final List<Path> temps = new ArrayList<>();
  private final List<MediaSink> sinks = new ArrayList<>();
  private final List<Pipe<Buffer>> pipes = new ArrayList<>();
  private final List<Future<StagedMedia>> media = new ArrayList<>();
  private Future<String> metadataFile;
  private int fileParts;
  private long bytes;
  private Buffer tail = Buffer.buffer();
  private final SlowBodyClock slowBody;
  private long watchdog = -1;
  private boolean failed;
  private final UploadGovernor.Allowance allowance;

  /** @param allowance the upload's storage bandwidth share and quota; see {@link UploadGovernor} */
  public UploadSession(Vertx vertx, HttpServerRequest request, Profile profile, MediaStore store,
      WorkerExecutor worker, Clock clock, String boundary, UploadGovernor.Allowance allowance) {
    this.allowance = allowance;
    this.vertx = vertx;
    this.request = request;
    this.profile = profile;
    this.store = store;
    this.worker = worker;
    this.slowBody = new SlowBodyClock(clock);
    this.closeDelimiter = ("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Starts reading the body. Call synchronously from the request handler, before any await. */
  public Future<StagedUpload> start() {
    request.setExpectMultipart(true);
    request.exceptionHandler(this::onRequestError);
    request.response().closeHandler(v -> fail(disconnected()));
    request.handler(this::onChunk);
    request.uploadHandler(this::onUpload);
    request.endHandler(v -> onEnd());
    slowBody.progress();
    long timeout = profile.ingress().slowBodyTimeout().toMillis();
    if (timeout > 0) {
      watchdog = vertx.setPeriodic(Math.max(50, timeout / 4), id -> checkProgress(timeout));
    }
    return result.future();
  }

  /**
   * Deletes every temp file this session made: now, and again once every part has settled, since
   * a file still being opened or written when the session failed may appear after the first pass.
   */
  public Future<Void> discard() {
    allowance.closeFlow();
    allowance.release();
    deleteTemps();
    // A part whose pipe was closed never settles, so wait for the rest at most a few seconds.
    Promise<Void> settled = Promise.promise();
    long timer = vertx.setTimer(SETTLE_WAIT_MILLIS, id -> settled.tryComplete());
    Future.join(new ArrayList<>(media)).onComplete(ar -> {
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

  private void onChunk(Buffer chunk) {
    progress();
    bytes += chunk.length();
    if (profile.limits().maxRequestBytes().isExceededBy(bytes)) {
      fail(ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "the request body exceeds the limit of "
          + profile.limits().maxRequestBytes()));
      return;
    }
    // Keep only the last few bytes: enough to see the closing delimiter when the body ends.
    int keep = closeDelimiter.length + EPILOGUE_ALLOWANCE;
    if (chunk.length() >= keep) {
      tail = chunk.getBuffer(chunk.length() - keep, chunk.length());
    } else {
      Buffer joined = Buffer.buffer(tail.length() + chunk.length()).appendBuffer(tail).appendBuffer(chunk);
      tail = joined.length() > keep ? joined.getBuffer(joined.length() - keep, joined.length()) : joined;
    }
  }

  private void onUpload(HttpServerFileUpload upload) {
    if (failed) {
      upload.handler(b -> { });
      return;
    }
    fileParts++;
    if (profile.limits().maxParts().isExceededBy(fileParts)) {
      fail(tooManyParts());
      return;
    }
    try {
      switch (upload.name()) {
        case "metadata" -> collectMetadata(upload);
        case "media" -> streamMedia(upload);
        default -> throw unknownPart(upload.name());
      }
    } catch (ApiException e) {
      fail(e);
    }
  }

  private void collectMetadata(HttpServerFileUpload upload) {
    if (metadataFile != null) {
      throw ApiException.of(ErrorCode.METADATA_DUPLICATE, "the body has more than one 'metadata' part");
    }
    Buffer json = Buffer.buffer();
    Promise<String> done = Promise.promise();
    metadataFile = done.future();
    upload.handler(chunk -> {
      json.appendBuffer(chunk);
      if (profile.limits().maxMetadataBytes().isExceededBy(json.length())) {
        fail(metadataTooLarge());
      }
    });
    upload.exceptionHandler(e -> done.tryFail(e));
    upload.endHandler(v -> done.tryComplete(json.toString(StandardCharsets.UTF_8)));
  }

  private void streamMedia(HttpServerFileUpload upload) {
    String filename = FilenamePolicy.check(upload.filename());
    String type = upload.contentType() == null ? "application/octet-stream" : upload.contentType();
    // Until the temp file is open the pipe holds the body paused: the server's wait, not the client's.
    slowBody.serverHolds();
    Path temp = store.newTempFile();
    temps.add(temp);
    Pipe<Buffer> pipe = upload.pipe().endOnFailure(false);
    pipes.add(pipe);
    Future<MediaSink> sink;
    if (profile.uploads().buffered()) {
      sink = Future.succeededFuture(new HeapMediaSink(worker, temp, filename, type,
          profile.limits().maxMediaBytes(), this::progress));
    } else {
      sink = vertx.fileSystem()
          .open(temp.toString(), new OpenOptions().setCreateNew(true).setWrite(true).setRead(false))
          .map(file -> new StreamingMediaSink(file, temp, filename, type, profile.limits().maxMediaBytes(),
              this::progress));
    }
    Future<StagedMedia> staged = sink.andThen(ar -> slowBody.serverReleases()).compose(s -> {
      sinks.add(s);
      if (failed) {
        // The session failed while the file was being opened.
        pipe.close();
        return s.abort().compose(v -> Future.failedFuture(new IllegalStateException("upload aborted")));
      }
      return pipe.to(new GovernedSink(s, allowance, vertx.getOrCreateContext(), slowBody)).andThen(ar -> pipes.remove(pipe))
          .compose(v -> s.staged());
    });
    media.add(staged.onFailure(this::fail));
  }

  private void onEnd() {
    // The whole body has arrived: what follows (fsync, the metadata) is the server's time, not the client's.
    stopWatchdog();
    if (failed) {
      return;
    }
    if (!tailHasCloseDelimiter() && fileParts == 0 && request.formAttributes().isEmpty()) {
      fail(ApiException.of(ErrorCode.MULTIPART_MALFORMED, "no complete part delimited by the boundary declared in "
          + "Content-Type was found; is the body framed with a different boundary?"));
      return;
    }
    if (!tailHasCloseDelimiter()) {
      fail(ApiException.of(ErrorCode.BODY_TRUNCATED, "the body ended before the closing boundary '--"
          + new String(closeDelimiter, 2, closeDelimiter.length - 4, StandardCharsets.ISO_8859_1)
          + "--'; it was cut off"));
      return;
    }
    String metadataAttribute = null;
    int attributes = 0;
    for (Map.Entry<String, String> attr : request.formAttributes()) {
      attributes++;
      switch (attr.getKey()) {
        case "metadata" -> {
          if (metadataAttribute != null || metadataFile != null) {
            fail(ApiException.of(ErrorCode.METADATA_DUPLICATE, "the body has more than one 'metadata' part"));
            return;
          }
          metadataAttribute = attr.getValue();
        }
        case "media" -> {
          fail(ApiException.of(ErrorCode.MEDIA_NOT_A_FILE, "a 'media' part must be a file part (with a filename)"));
          return;
        }
        default -> {
          fail(unknownPart(attr.getKey()));
          return;
        }
      }
    }
    if (profile.limits().maxParts().isExceededBy((long) fileParts + attributes)) {
      fail(tooManyParts());
      return;
    }
    Future<String> metadata = metadataAttribute != null ? Future.succeededFuture(metadataAttribute)
        : metadataFile != null ? metadataFile
        : Future.failedFuture(ApiException.of(ErrorCode.METADATA_MISSING,
            "the body has no 'metadata' part; send the tip's JSON as a part named 'metadata'"));
    Future.all(new ArrayList<>(media))
        .compose(all -> metadata)
        .map(json -> new StagedUpload(json, media.stream().map(Future::result).toList()))
        .onComplete(ar -> {
          stopWatchdog();
          allowance.closeFlow();
          if (ar.succeeded()) {
            result.tryComplete(ar.result());
          } else {
            fail(ar.cause());
          }
        });
  }

  private boolean tailHasCloseDelimiter() {
    byte[] t = tail.getBytes();
    outer:
    for (int i = 0; i + closeDelimiter.length <= t.length; i++) {
      for (int j = 0; j < closeDelimiter.length; j++) {
        if (t[i + j] != closeDelimiter[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private void onRequestError(Throwable t) {
    if (t instanceof HttpPostRequestDecoder.TooManyFormFieldsException) {
      fail(tooManyParts());
    } else if (t instanceof HttpPostRequestDecoder.TooLongFormFieldException) {
      fail(ApiException.of(ErrorCode.MULTIPART_MALFORMED, "a part's headers run on too long without a delimiter"));
    } else if (t instanceof HttpPostRequestDecoder.ErrorDataDecoderException) {
      fail(exceededMaxLimit(t) ? metadataTooLarge()
          : ApiException.of(ErrorCode.MULTIPART_MALFORMED, "the multipart body cannot be decoded: " + t.getMessage()));
    } else {
      fail(disconnected());
    }
  }

  private static boolean exceededMaxLimit(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null && c.getMessage().contains("Size exceed allowed maximum capacity")) {
        return true;
      }
    }
    return false;
  }

  private void checkProgress(long timeoutMillis) {
    if (slowBody.clientIdleMillis() >= timeoutMillis) {
      fail(ApiException.of(ErrorCode.BODY_TIMEOUT, "the request body made no progress for " + timeoutMillis
          + "ms (ingress.slowBodyTimeout)"));
    }
  }

  private void progress() {
    slowBody.progress();
  }

  private void fail(Throwable cause) {
    if (failed || result.future().isComplete()) {
      return;
    }
    failed = true;
    stopWatchdog();
    allowance.closeFlow();
    ApiException e = cause instanceof ApiException a ? a : findApiException(cause);
    // Stop reading: the connection is closed once the error has been sent.
    // Closing a pipe resumes its upload with no handler: the rest of that part is dropped.
    List.copyOf(pipes).forEach(Pipe::close);
    sinks.forEach(MediaSink::abort);
    result.tryFail(e);
  }

  private static ApiException findApiException(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ApiException a) {
        return a;
      }
    }
    return ApiException.of(ErrorCode.INTERNAL_ERROR, "the upload failed: " + t.getMessage());
  }

  private void stopWatchdog() {
    if (watchdog >= 0) {
      vertx.cancelTimer(watchdog);
      watchdog = -1;
    }
  }

  private ApiException tooManyParts() {
    return ApiException.of(ErrorCode.TOO_MANY_PARTS, "the body has more than " + profile.limits().maxParts()
        + " parts (metadata included)");
  }

  private ApiException metadataTooLarge() {
    return ApiException.of(ErrorCode.METADATA_TOO_LARGE, "the metadata part exceeds the limit of "
        + profile.limits().maxMetadataBytes());
  }

  private static ApiException unknownPart(String name) {
    return ApiException.of(ErrorCode.UNKNOWN_PART, "unknown part '" + name
        + "'; a tip has one 'metadata' part and zero or more 'media' file parts");
  }

  private static ApiException disconnected() {
    return ApiException.of(ErrorCode.BODY_TRUNCATED, "the client disconnected before the body was complete");
  }
}
