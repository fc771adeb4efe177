package dev.tipflood.server.api.upload;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.upload.multipart.MultipartException;
import dev.tipflood.server.api.upload.multipart.MultipartLimits;
import dev.tipflood.server.api.upload.multipart.MultipartListener;
import dev.tipflood.server.api.upload.multipart.MultipartParser;
import dev.tipflood.server.api.upload.multipart.PartHeaders;
import dev.tipflood.server.config.Profile;
import dev.tipflood.server.model.storage.UploadGovernor;
import dev.tipflood.server.storage.MediaStore;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Receives one multipart tip body: streams media parts into temp files (or heap, for the naive
 * profile), collects the metadata part, enforces every cap while the body streams, and either
 * yields a complete {@link StagedUpload} or fails with an {@link ApiException}. On failure every
 * temp file it made is deleted.
 *
 * <p>The body's raw chunks go through a {@link MultipartParser} on the event loop (Netty's
 * multipart decoder cost ~12% of the server's CPU per small tip, throwing an exception per
 * request); this class maps its events to the tip's parts: the metadata part is collected in
 * memory, each media part becomes a {@link PartStream} piped to its sink. It adds the caps, the
 * stalled-body watchdog, and which parts are allowed.
 */
public final class UploadSession implements MultipartListener {
  /** Part headers, preamble and epilogue caps; part bodies are capped by the profile. */
  private static final int MAX_PART_HEADER_BYTES = 8 * 1024;
  private static final int MAX_PREAMBLE_BYTES = 1024;
  private static final int MAX_EPILOGUE_BYTES = 1024;

  private final HttpServerRequest request;
  private final Profile profile;
  private final MultipartParser parser;
  private final RequestFlow flow;
  private final Promise<StagedUpload> result = Promise.promise();
  private final MediaStaging media;
  /** The metadata part's bytes; null until a metadata part starts. */
  private Buffer metadata;
  private boolean metadataComplete;
  /** The part being received: the metadata part (when {@code inMetadata}) or a media part's stream. */
  private boolean inMetadata;
  private PartStream currentMedia;
  /** The nested multipart/mixed body of the current 'media' part, if it is one. */
  private MultipartParser mixed;
  /** Parts so far, the files of a nested multipart/mixed counted one by one (not its container). */
  private int partCount;
  private final MultipartLimits limits;
  private long bytes;
  private final SlowBodyClock slowBody;
  private final SlowBodyWatchdog watchdog;
  /** Why the session failed, null while it has not; thrown from the listener methods so the parser stops at once. */
  private ApiException failure;
  private final UploadGovernor.Allowance allowance;
  private final UploadGuard.Body guard;
  /** A deferred tip's media arriving later: media parts only, at least one, no metadata part. */
  private boolean mediaOnly;
  /** Media parts read and dropped, never stored, because a defence deferred them. */
  private int deferredParts;

  /**
   * @param allowance the upload's storage bandwidth share and quota; see {@link UploadGovernor}
   * @param guard the defences acting inside the body
   */
  public UploadSession(Vertx vertx, HttpServerRequest request, Profile profile, MediaStore store,
      WorkerExecutor worker, Clock clock, String boundary, UploadGovernor.Allowance allowance, UploadGuard.Body guard) {
    this.allowance = allowance;
    this.guard = guard;
    this.request = request;
    this.profile = profile;
    this.slowBody = new SlowBodyClock(clock, profile.ingress().slowBodyMinBytes().bytes());
    this.watchdog = new SlowBodyWatchdog(vertx);
    this.flow = new RequestFlow(request::pause, request::resume);
    this.media = new MediaStaging(vertx, store, worker, new MediaSinks(vertx, profile, worker), flow, slowBody,
        allowance, () -> failure != null, this::fail);
    this.limits = new MultipartLimits(Math.min(MAX_PART_HEADER_BYTES, profile.limits().maxHeaderBytes().toIntSaturated()),
        profile.limits().maxParts().value(), MAX_PREAMBLE_BYTES, MAX_EPILOGUE_BYTES);
    this.parser = new MultipartParser(boundary, limits, this);
  }

  /**
   * Makes this the upload of a deferred tip's media ({@code POST /api/v1/tips/{id}/media}): it
   * takes 'media' parts only, and at least one. Call before {@link #start}.
   */
  public UploadSession mediaOnly() {
    this.mediaOnly = true;
    return this;
  }

  /**
   * Starts reading the body. Call synchronously from the request handler, before any await (or
   * with the request paused until then).
   */
  public Future<StagedUpload> start() {
    request.exceptionHandler(this::onRequestError);
    request.response().closeHandler(v -> fail(UploadErrors.disconnected()));
    request.handler(this::onChunk);
    request.endHandler(v -> onEnd());
    slowBody.progress();
    long timeout = profile.ingress().slowBodyTimeout().toMillis();
    watchdog.start(timeout, slowBody, () -> fail(UploadErrors.bodyTimeout(profile, timeout)));
    return result.future();
  }

  /**
   * Deletes every temp file this session made: now, and again once every part has settled, since
   * a file still being opened or written when the session failed may appear after the first pass.
   */
  public Future<Void> discard() {
    allowance.closeFlow();
    allowance.release();
    return media.discard();
  }

  /**
   * The tip is durable and {@code bytes} of its media were linked to earlier copies rather than
   * kept: storage's quota gets them back.
   */
  public void unkept(long bytes) {
    if (bytes > 0) {
      allowance.unkept(bytes);
    }
  }

  private void onChunk(Buffer chunk) {
    if (failure != null) {
      return;
    }
    slowBody.received(chunk.length());
    bytes += chunk.length();
    if (profile.limits().maxRequestBytes().isExceededBy(bytes)) {
      fail(ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "the request body exceeds the limit of "
          + profile.limits().maxRequestBytes()));
      return;
    }
    try {
      parser.feed(chunk);
    } catch (ApiException e) {
      // A part rejected by this session's listener methods.
      fail(e);
    }
  }

  private void onEnd() {
    // The whole body has arrived: what follows (fsync, the metadata) is the server's time, not the client's.
    watchdog.stop();
    if (failure == null) {
      parser.end();
    }
  }

  @Override
  public void onPartStart(PartHeaders part) {
    stopIfFailed();
    boolean filesOfMixed = part.name().equals("media") && MultipartContentType.isMixed(part.contentType());
    if (!filesOfMixed) {
      // A nested multipart/mixed counts its files, not itself.
      countPart();
    }
    switch (part.name()) {
      case "metadata" -> {
        if (mediaOnly) {
          throw UploadErrors.metadataWithMedia();
        }
        if (metadata != null) {
          throw ApiException.of(ErrorCode.METADATA_DUPLICATE, "the body has more than one 'metadata' part");
        }
        metadata = Buffer.buffer(256);
        inMetadata = true;
      }
      case "media" -> {
        if (filesOfMixed) {
          mixed = MultipartParser.mixed(MultipartContentType.mixedBoundary(part.contentType()), part.name(), limits,
              new MixedFiles());
        } else {
          currentMedia = mediaPart(part);
        }
      }
      default -> throw UploadErrors.unknownPart(part.name());
    }
  }

  @Override
  public void onPartData(Buffer data) {
    stopIfFailed();
    if (mixed != null) {
      mixed.feed(data);
    } else if (inMetadata) {
      metadata.appendBuffer(data);
      if (profile.limits().maxMetadataBytes().isExceededBy(metadata.length())) {
        throw UploadErrors.metadataTooLarge(profile);
      }
    } else {
      currentMedia.push(data);
    }
  }

  @Override
  public void onPartEnd() {
    if (mixed != null) {
      MultipartParser nested = mixed;
      mixed = null;
      nested.end();
    } else if (inMetadata) {
      inMetadata = false;
      metadataComplete = true;
      if (guard != UploadGuard.Body.NONE) {
        ApiException refused = guard.onMetadata(metadata.toString(StandardCharsets.UTF_8));
        if (refused != null) {
          fail(refused);
        }
      }
    } else {
      currentMedia.end();
      currentMedia = null;
    }
  }

  @Override
  public void onComplete() {
    if (failure != null) {
      return;
    }
    if (mediaOnly) {
      if (media.isEmpty()) {
        settle(Future.failedFuture(UploadErrors.mediaMissing()));
      } else {
        media.all().map(staged -> new StagedUpload(null, staged)).onComplete(this::settle);
      }
      return;
    }
    if (!metadataComplete) {
      settle(Future.failedFuture(ApiException.of(ErrorCode.METADATA_MISSING,
          "the body has no 'metadata' part; send the tip's JSON as a part named 'metadata'")));
      return;
    }
    String json = metadata.toString(StandardCharsets.UTF_8);
    if (media.isEmpty()) {
      settle(Future.succeededFuture(new StagedUpload(json, List.of(), deferredParts))); // no future to wait for
      return;
    }
    media.all().map(staged -> new StagedUpload(json, staged, deferredParts)).onComplete(this::settle);
  }

  /** The body is complete and every part is staged (or one failed): the session's result. */
  private void settle(AsyncResult<StagedUpload> ar) {
    watchdog.stop();
    allowance.closeFlow();
    if (ar.succeeded()) {
      result.tryComplete(ar.result());
    } else {
      fail(ar.cause());
    }
  }

  @Override
  public void onError(MultipartException error) {
    fail(UploadErrors.of(error, profile));
  }

  private void countPart() {
    if (profile.limits().maxParts().isExceededBy(++partCount)) {
      throw UploadErrors.tooManyParts(profile);
    }
  }

  private void stopIfFailed() {
    if (failure != null) {
      throw failure;
    }
  }

  private PartStream mediaPart(PartHeaders part) {
    if (part.filename() == null) {
      throw ApiException.of(ErrorCode.MEDIA_NOT_A_FILE, "a 'media' part must be a file part (with a filename)");
    }
    if (guard.mediaDeferredNanos() >= 0) {
      deferredParts++;
      return PartStream.dropped(flow); // brownout: the media comes later, these bytes are not stored
    }
    String filename = FilenamePolicy.check(part.filename());
    String type = part.contentType() == null ? "application/octet-stream" : part.contentType();
    return media.stream(filename, type, guard.onMediaPart(type, filename));
  }

  /**
   * The files of a nested multipart/mixed 'media' part: each streams like a media part of its own
   * and counts towards the part cap. Errors fail the session; its end is the outer part's end.
   */
  private final class MixedFiles implements MultipartListener {
    private PartStream file;

    @Override
    public void onPartStart(PartHeaders headers) {
      stopIfFailed();
      countPart();
      file = mediaPart(headers);
    }

    @Override
    public void onPartData(Buffer data) {
      stopIfFailed();
      file.push(data);
    }

    @Override
    public void onPartEnd() {
      file.end();
      file = null;
    }

    @Override
    public void onComplete() {
      // The outer part's end ended the nested body; the session completes with the outer body.
    }

    @Override
    public void onError(MultipartException error) {
      UploadSession.this.onError(error);
    }
  }

  private void onRequestError(Throwable t) {
    fail(UploadErrors.disconnected());
  }

  private void fail(Throwable cause) {
    if (failure != null || result.future().isComplete()) {
      return;
    }
    ApiException e = UploadErrors.of(cause);
    failure = e;
    watchdog.stop();
    allowance.closeFlow();
    // Stop reading: the connection is closed once the error has been sent.
    media.abort();
    result.tryFail(e);
  }

}
