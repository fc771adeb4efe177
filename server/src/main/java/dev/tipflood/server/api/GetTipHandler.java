package dev.tipflood.server.api;

import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.storage.TipStore;
import dev.tipflood.server.tip.TipId;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import dev.tipflood.server.tip.TipRecord;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import java.time.Duration;

/**
 * {@code GET /api/v1/tips/{id}}: the tip, its media and its pipeline status and review. An
 * unknown id is answered from memory; the store reads a known tip's record from disk, so that
 * lookup runs on a worker pool of its own (not the storage pool, where a flood's media renames and
 * fsyncs queue).
 */
public final class GetTipHandler implements Handler<RoutingContext> {
  private final TipStore tips;
  private final WorkerExecutor reader;
  private final Function<TipRecord, JsonObject> view;

  public GetTipHandler(TipStore tips, WorkerExecutor reader) {
    this(tips, reader, TipJson::of);
  }

  /** @param view the JSON a tip is shown as (the public view, or the reviewers') */
  GetTipHandler(TipStore tips, WorkerExecutor reader, Function<TipRecord, JsonObject> view) {
    this.tips = tips;
    this.reader = reader;
    this.view = view;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String raw = ctx.pathParam("id");
    TipId id = TipId.parse(raw).orElse(null);
    if (id == null) {
      ctx.fail(ApiException.of(ErrorCode.TIP_ID_INVALID, "'" + raw + "' is not a tip id (26 lower-case hex characters)"));
      return;
    }
    if (!tips.mightContain(id)) {
      ctx.fail(ApiException.of(ErrorCode.TIP_NOT_FOUND, "no tip with id " + id)); // from memory: no disk read
      return;
    }
    reader.executeBlocking(() -> tips.find(id).map(tip -> view.apply(tip).encode()), false).onComplete(ar -> {
      if (ar.failed()) {
        System.err.println("tipflood-server: cannot read tip " + id + ": " + ar.cause());
        ctx.fail(ApiException.retryLater(ErrorCode.STORAGE_UNAVAILABLE, "the tip could not be read; retry later",
            Duration.ofSeconds(5)));
      } else if (ar.result().isPresent()) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(ar.result().get());
      } else {
        ctx.fail(ApiException.of(ErrorCode.TIP_NOT_FOUND, "no tip with id " + id));
      }
    });
  }
}
