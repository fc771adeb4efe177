package dev.tipflood.server.api;

import dev.tipflood.server.storage.TipStore;
import dev.tipflood.server.tip.TipId;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/v1/tips/{id}}: the tip, its media and its pipeline status and review. */
public final class GetTipHandler implements Handler<RoutingContext> {
  private final TipStore tips;

  public GetTipHandler(TipStore tips) {
    this.tips = tips;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String raw = ctx.pathParam("id");
    TipId id = TipId.parse(raw).orElse(null);
    if (id == null) {
      ctx.fail(ApiException.of(ErrorCode.TIP_ID_INVALID, "'" + raw + "' is not a tip id (26 lower-case hex characters)"));
      return;
    }
    tips.find(id).ifPresentOrElse(
        tip -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(TipJson.of(tip).encode()),
        () -> ctx.fail(ApiException.of(ErrorCode.TIP_NOT_FOUND, "no tip with id " + id)));
  }
}
