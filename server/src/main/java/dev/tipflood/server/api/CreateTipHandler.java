package dev.tipflood.server.api;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.upload.UploadGuard;
import dev.tipflood.server.api.upload.UploadSession;
import dev.tipflood.server.config.Profile;
import dev.tipflood.server.model.storage.UploadGovernor;
import dev.tipflood.server.storage.MediaStore;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import dev.tipflood.server.api.upload.StagedUpload;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
      boundary = UploadHead.check(request, profile, uploads);
    } catch (ApiException e) {
      ctx.fail(e);
      return;
    }
    UploadHead.continueIfExpected(request);
    UploadGuard.Body body = guard == UploadGuard.NONE ? UploadGuard.Body.NONE : guard.forRequest(ctx);
    UploadSession session = new UploadSession(vertx, request, profile, media, worker, clock, boundary,
        body.wrap(uploads.open()), body);
    Future<TipRecord> stored = session.start().compose(upload -> intake.accept(upload, vertx.getOrCreateContext(),
        mediaUploadAfter(body, upload)));
    if (profile.debug().fixedResponseDelay().toMillis() > 0) {
      stored = stored.compose(this::delayed);
    }
    stored.onComplete(ar -> {
      if (ar.succeeded()) {
        TipRecord tip = ar.result();
        session.unkept(tip.mediaBytes() - tip.ownMediaBytes());
        respond(ctx, tip, tip.status() == TipStatus.DEFERRED ? 0 : body.onDurable(tip));
      } else {
        session.discard();
        if (ar.cause() instanceof ApiException e && e.code() == ErrorCode.BODY_TIMEOUT) {
          SlowBodyDecisions.log(ctx);
        }
        ctx.fail(ar.cause());
      }
    });
  }

  /**
   * When a defence deferred the tip's media (brownout) and it had media parts, which were dropped:
   * from when they may be uploaded (whole seconds); else null. A tip without media is not deferred.
   */
  private Instant mediaUploadAfter(UploadGuard.Body body, StagedUpload upload) {
    long nanos = body.mediaDeferredNanos();
    if (nanos < 0 || upload.deferredParts() == 0) {
      return null;
    }
    long seconds = Math.max(1, (nanos + 999_999_999) / 1_000_000_000);
    return clock.instant().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
  }

  private Future<TipRecord> delayed(TipRecord tip) {
    long delay = profile.debug().fixedResponseDelay().toMillis();
    Promise<TipRecord> later = Promise.promise();
    vertx.setTimer(delay, id -> later.complete(tip));
    return later.future();
  }

  /**
   * 201 with the tip's status; or, when its media were deferred (brownout), 202 with status
   * {@code deferred}, the time from which its media may be uploaded ({@code POST
   * /api/v1/tips/{id}/media}), and that wait as Retry-After, on a connection then closed. A
   * deferred tip goes to the pipeline only once its media arrive.
   */
  private void respond(RoutingContext ctx, TipRecord tip, int priority) {
    // Every value is a plain ASCII token (hex id, snake_case status, ISO instant): no JSON escaping needed.
    String body;
    Instant uploadAfter = tip.status() == TipStatus.DEFERRED ? tip.mediaUploadAfter().orElseThrow() : null;
    if (uploadAfter != null) {
      long seconds = Math.max(1, (Duration.between(clock.instant(), uploadAfter).toMillis() + 999) / 1000);
      body = "{\"id\":\"" + tip.id().value() + "\",\"status\":\"deferred\",\"mediaUploadAfter\":\""
          + uploadAfter + "\",\"mediaUpload\":\"" + PublicRouter.TIPS + "/" + tip.id().value() + "/media\"}";
      ctx.response().putHeader("Retry-After", Long.toString(seconds));
      // The client has nothing to send until then: under a brownout the server does not hold its
      // connection idle for that long (up to ingress.idleTimeout), it closes it after this answer.
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    } else {
      body = "{\"id\":\"" + tip.id().value() + "\",\"status\":\"" + tip.status().wireName() + "\"}";
    }
    Future<Void> sent = ctx.response()
        .setStatusCode(uploadAfter != null ? 202 : 201)
        .putHeader(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON)
        .putHeader(HttpHeaders.LOCATION, "/api/v1/tips/" + tip.id().value())
        .end(body);
    if (uploadAfter != null) {
      sent = sent.andThen(ar -> ctx.request().connection().close());
    }
    if (pipeline != TipPipeline.NONE) {
      sent.onComplete(ar -> {
        if (uploadAfter == null) {
          pipeline.accepted(tip, priority);
        } else {
          pipeline.deferred(tip);
        }
      });
    }
  }
}
