package dev.tipflood.server.api;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.upload.UploadGuard;
import dev.tipflood.server.api.upload.UploadSession;
import dev.tipflood.server.config.Profile;
import dev.tipflood.server.model.storage.UploadGovernor;
import dev.tipflood.server.storage.MediaStore;
import dev.tipflood.server.storage.TipStore;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import dev.tipflood.server.wiring.TipPipeline;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code POST /api/v1/tips/{id}/media}: the media of a tip whose media a brownout deferred
 * ({@code 202 deferred}), uploaded from its {@code mediaUploadAfter} on. The body is multipart
 * with 'media' file parts only; they stream through the same path as a new tip's (every cap, the
 * defences in the body: sniffing, duplicates, PDQ) and are durable (a journal {@code media}
 * record) before the answer, {@code 201 {"id","status","media"}}; the tip then goes to the
 * pipeline like a new one.
 *
 * <p>Refused before any body byte is read: {@code 404 tip_not_found}; {@code 409
 * tip_not_deferred} (its media came with it), {@code media_already_uploaded} (a repeat after
 * success: nothing is stored twice), {@code media_upload_in_progress} (another upload of them is
 * under way); {@code 425 media_upload_too_early} before {@code mediaUploadAfter}, and {@code 503
 * media_still_deferred} while the brownout still holds, both with Retry-After.
 */
public final class AttachMediaHandler implements Handler<RoutingContext> {
  private final Vertx vertx;
  private final Profile profile;
  private final MediaStore media;
  private final WorkerExecutor worker;
  private final WorkerExecutor reader;
  private final TipStore tips;
  private final TipIntake intake;
  private final TipPipeline pipeline;
  private final Clock clock;
  private final UploadGovernor uploads;
  private final UploadGuard guard;

  /**
   * @param worker the storage pool: media renames, fsyncs and deletes
   * @param reader the pool that reads stored tips back
   */
  public AttachMediaHandler(Vertx vertx, Profile profile, MediaStore media, WorkerExecutor worker,
      WorkerExecutor reader, TipStore tips, TipIntake intake, TipPipeline pipeline, Clock clock,
      UploadGovernor uploads, UploadGuard guard) {
    this.vertx = vertx;
    this.profile = profile;
    this.media = media;
    this.worker = worker;
    this.reader = reader;
    this.tips = tips;
    this.intake = intake;
    this.pipeline = pipeline;
    this.clock = clock;
    this.uploads = uploads;
    this.guard = guard;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String raw = ctx.pathParam("id");
    TipId id = TipId.parse(raw).orElse(null);
    String boundary;
    try {
      if (id == null) {
        throw ApiException.of(ErrorCode.TIP_ID_INVALID, "'" + raw + "' is not a tip id (26 lower-case hex characters)");
      }
      if (!tips.mightContain(id)) {
        throw notFound(id);
      }
      boundary = UploadHead.check(request, profile, uploads);
    } catch (ApiException e) {
      ctx.fail(e);
      return;
    }
    // The stored tip is read on a worker; the body waits, unread, until it has been checked.
    request.pause();
    reader.executeBlocking(() -> tips.find(id), false).onComplete(ar -> {
      if (ar.failed()) {
        System.err.println("tipflood-server: cannot read tip " + id + ": " + ar.cause());
        ctx.fail(ApiException.retryLater(ErrorCode.STORAGE_UNAVAILABLE, "the tip could not be read; retry later",
            Duration.ofSeconds(5)));
      } else if (ar.result().isEmpty()) {
        ctx.fail(notFound(id));
      } else {
        upload(ctx, ar.result().get(), boundary);
      }
    });
  }

  private void upload(RoutingContext ctx, TipRecord tip, String boundary) {
    if (ctx.response().closed()) {
      return; // the client left while its tip was read: reserve nothing a closed upload could not release
    }
    ApiException refused = refusal(tip, clock.instant());
    if (refused == null && !tips.reserveMedia(tip.id())) {
      refused = ApiException.of(ErrorCode.MEDIA_UPLOAD_IN_PROGRESS, "another upload of tip " + tip.id()
          + "'s media is under way or has just ended; GET the tip to see whether its media arrived");
    }
    if (refused != null) {
      ctx.fail(refused);
      return;
    }
    UploadGuard.Body body = guard == UploadGuard.NONE ? UploadGuard.Body.NONE : guard.forRequest(ctx);
    refused = body.onDeferredMedia(metadataJson(tip.metadata()));
    if (refused != null) {
      tips.releaseMedia(tip.id());
      ctx.fail(refused);
      return;
    }
    HttpServerRequest request = ctx.request();
    UploadHead.continueIfExpected(request);
    UploadSession session = new UploadSession(vertx, request, profile, media, worker, clock, boundary,
        body.wrap(uploads.open()), body).mediaOnly();
    Future<TipRecord> stored = session.start().compose(upload -> intake.attach(tip, upload, vertx.getOrCreateContext()));
    request.resume();
    stored.onComplete(ar -> {
      tips.releaseMedia(tip.id());
      if (ar.succeeded()) {
        session.unkept(ar.result().mediaBytes() - ar.result().ownMediaBytes());
        respond(ctx, ar.result(), body.onDurable(ar.result()));
      } else {
        session.discard();
        ctx.fail(ar.cause());
      }
    });
  }

  /** Why this tip takes no media upload now, or null when it does. */
  static ApiException refusal(TipRecord tip, Instant now) {
    if (tip.deferredMediaArrived()) {
      return ApiException.of(ErrorCode.MEDIA_ALREADY_UPLOADED, "tip " + tip.id() + "'s media have already "
          + "arrived (" + tip.media().size() + " stored); it is " + tip.status().wireName());
    }
    if (tip.textAlone()) {
      return ApiException.of(ErrorCode.MEDIA_WINDOW_CLOSED, "tip " + tip.id() + "'s media did not arrive within the "
          + "brownout's textAloneAfter window; it went to review on its text alone and is " + tip.status().wireName());
    }
    if (tip.status() != TipStatus.DEFERRED) {
      return ApiException.of(ErrorCode.TIP_NOT_DEFERRED, "tip " + tip.id() + " is " + tip.status().wireName()
          + "; its media were not deferred, so it takes no media upload");
    }
    Instant after = tip.mediaUploadAfter().orElseThrow();
    if (now.isBefore(after)) {
      return ApiException.retryLater(ErrorCode.MEDIA_UPLOAD_TOO_EARLY, "tip " + tip.id() + "'s media may be "
          + "uploaded from " + after + " (mediaUploadAfter); retry then", Duration.between(now, after));
    }
    return null;
  }

  private static String metadataJson(TipMetadata m) {
    return new JsonObject().put("description", m.description()).put("lat", m.lat()).put("lon", m.lon())
        .put("occurredAt", m.occurredAt().toString()).put("deviceId", m.deviceId()).encode();
  }

  private static ApiException notFound(TipId id) {
    return ApiException.of(ErrorCode.TIP_NOT_FOUND, "no tip with id " + id);
  }

  private void respond(RoutingContext ctx, TipRecord tip, int priority) {
    // Plain ASCII tokens only: no JSON escaping needed.
    Future<Void> sent = ctx.response()
        .setStatusCode(201)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.LOCATION, PublicRouter.TIPS + "/" + tip.id().value())
        .end("{\"id\":\"" + tip.id().value() + "\",\"status\":\"" + tip.status().wireName() + "\",\"media\":"
            + tip.media().size() + "}");
    if (pipeline != TipPipeline.NONE) {
      sent.onComplete(ar -> pipeline.accepted(tip, priority));
    }
  }
}
