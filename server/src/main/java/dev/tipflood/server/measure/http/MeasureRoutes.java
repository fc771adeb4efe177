package dev.tipflood.server.measure.http;

import dev.tipflood.server.wiring.RouteContributor;
import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.measure.MeasurementPlane;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.LongSupplier;

/**
 * The measurement plane's routes: {@link MeasuringHandler} first on the public router, and on
 * the admin router (behind the token) {@code GET /measure/histograms} and
 * {@code GET /measure/timeline?since=<epochMillis>}. Formats: docs/measurement.md.
 */
public final class MeasureRoutes implements RouteContributor {

  private final MeasurementPlane plane;
  private final LongSupplier nanoTime;

  public MeasureRoutes(MeasurementPlane plane, LongSupplier nanoTime) {
    this.plane = plane;
    this.nanoTime = nanoTime;
  }

  @Override
  public void contributePublic(Router router) {
    router.route().handler(new MeasuringHandler(plane, nanoTime));
  }

  @Override
  public void contributeAdmin(Router router) {
    router.get("/measure/histograms").handler(this::histograms);
    router.get("/measure/timeline").handler(this::timeline);
    router.get("/measure/defences").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(new io.vertx.core.json.JsonObject(plane.decisions().totals()).encode()));
  }

  private void histograms(RoutingContext ctx) {
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(plane.latency().drainLogLines());
  }

  private void timeline(RoutingContext ctx) {
    String since = ctx.request().getParam("since");
    long sinceMillis;
    if (since == null) {
      sinceMillis = 0;
    } else {
      try {
        sinceMillis = Long.parseLong(since);
      } catch (NumberFormatException e) {
        ctx.fail(ApiException.of(ErrorCode.FIELD_TYPE,
            "query parameter 'since' must be epoch milliseconds (a whole number), was '" + since + "'"));
        return;
      }
    }
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/x-ndjson")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(plane.timeline().ndjsonSince(sinceMillis));
  }
}
