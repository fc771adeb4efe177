package dev.tipflood.server.api;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.upload.UploadGuard;
import dev.tipflood.server.api.upload.UploadSession;
import dev.tipflood.server.config.Profile;
import dev.tipflood.server.model.storage.UploadGovernor;
import dev.tipflood.server.storage.MediaStore;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.wiring.TipPipeline;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * {@code POST /api/v1/tips}: checks the headers before reading any body byte, streams the body
 * through an {@link UploadSession}, stores the tip durably via {@link TipIntake}, answers
 * {@code 201 {"id","status"}}, then hands the tip to the {@link TipPipeline}.
 */
public final class CreateTipHandler implements Handler<RoutingContext> {
  /** Encoded to bytes once, not per response. */
  private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");

  private final Vertx vertx;
  private final Profile profile;
  private final MediaStore media;
  private final WorkerExecutor worker;
  private final TipIntake intake;
  private final TipPipeline pipeline;
  private final Clock clock;
  private final UploadGovernor uploads;
  private final UploadGuard guard;

  public CreateTipHandler(Vertx vertx, Profile profile, MediaStore media, WorkerExecutor worker, TipIntake intake,
      TipPipeline pipeline, Clock clock, UploadGovernor uploads, UploadGuard guard) {
    this.uploads = uploads;
    this.guard = guard;
    this.vertx = vertx;
    this.profile = profile;
    this.media = media;
    this.worker = worker;
    this.intake = intake;
    this.pipeline = pipeline;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String boundary;
    try {
      boundary = dev.tipflood.server.api.upload.MultipartContentType.boundary(request.getHeader(HttpHeaders.CONTENT_TYPE));
      checkContentLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
    } catch (ApiException e) {
      ctx.fail(e);
      return;
    }
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
      request.response().writeContinue();
    }
    UploadGuard.Body body = guard == UploadGuard.NONE ? UploadGuard.Body.NONE : guard.forRequest(ctx);
    UploadSession session = new UploadSession(vertx, request, profile, media, worker, clock, boundary,
        body.wrap(uploads.open()), body);
    Future<TipRecord> stored = session.start().compose(upload -> intake.accept(upload, vertx.getOrCreateContext()));
    if (profile.debug().fixedResponseDelay().toMillis() > 0) {
      stored = stored.compose(this::delayed);
    }
    stored.onComplete(ar -> {
      if (ar.succeeded()) {
        respond(ctx, ar.result(), body.onDurable(ar.result()), body.mediaDeferredNanos());
      } else {
        session.discard();
        if (ar.cause() instanceof ApiException e && e.code() == ErrorCode.BODY_TIMEOUT) {
          SlowBodyDecisions.log(ctx);
        }
        ctx.fail(ar.cause());
      }
    });
  }

  private void checkContentLength(String header) {
    if (header == null) {
      return;
    }
    long length;
    try {
      length = Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      throw ApiException.of(ErrorCode.HTTP_MALFORMED, "Content-Length '" + header + "' is not a number");
    }
    if (profile.limits().maxRequestBytes().isExceededBy(length)) {
      throw ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, "Content-Length " + length + " exceeds the limit of "
          + profile.limits().maxRequestBytes() + " bytes");
    }
    if (!uploads.admits(length)) {
      throw ApiException.of(ErrorCode.STORAGE_QUOTA_EXCEEDED, "storage is full (storage.quota): Content-Length "
          + length + " does not fit");
    }
  }

  private Future<TipRecord> delayed(TipRecord tip) {
    long delay = profile.debug().fixedResponseDelay().toMillis();
    Promise<TipRecord> later = Promise.promise();
    vertx.setTimer(delay, id -> later.complete(tip));
    return later.future();
  }

  /**
   * 201 with the tip's status; or, when a defence deferred its media (brownout), 202 with status
   * {@code deferred}, the time from which its media may be uploaded, and that wait as Retry-After.
   */
  private void respond(RoutingContext ctx, TipRecord tip, int priority, long deferredNanos) {
    // Every value is a plain ASCII token (hex id, snake_case status, ISO instant): no JSON escaping needed.
    String body;
    if (deferredNanos >= 0) {
      long seconds = Math.max(1, (deferredNanos + 999_999_999) / 1_000_000_000);
      body = "{\"id\":\"" + tip.id().value() + "\",\"status\":\"deferred\",\"mediaUploadAfter\":\""
          + clock.instant().plusSeconds(seconds).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}";
      ctx.response().putHeader("Retry-After", Long.toString(seconds));
    } else {
      body = "{\"id\":\"" + tip.id().value() + "\",\"status\":\"" + tip.status().wireName() + "\"}";
    }
    Future<Void> sent = ctx.response()
        .setStatusCode(deferredNanos >= 0 ? 202 : 201)
        .putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
        .putHeader(HttpHeaders.LOCATION, "/api/v1/tips/" + tip.id().value())
        .end(body);
    if (pipeline != TipPipeline.NONE) {
      sent.onComplete(ar -> pipeline.accepted(tip, priority));
    }
  }
}
