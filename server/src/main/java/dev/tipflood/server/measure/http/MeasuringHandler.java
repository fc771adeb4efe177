package dev.tipflood.server.measure.http;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.defence.DecisionLog;
import dev.tipflood.server.measure.MeasurementPlane;
import dev.tipflood.server.measure.latency.Endpoints;
import dev.tipflood.server.measure.latency.LatencyTag;
import dev.tipflood.server.measure.truth.Truth;
import dev.tipflood.server.measure.truth.TruthHeaders;
import dev.tipflood.server.measure.truth.TruthLabel;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.function.LongSupplier;

/**
 * The first handler on the public router. It reads the truth headers, times the request from
 * here to the end of its response (or the connection's reset), records the latency under
 * (population, endpoint, outcome), and remembers which tip an acknowledged POST created, so the
 * truth can later be scored and asked for by the reviewers.
 */
final class MeasuringHandler implements Handler<RoutingContext> {

  private static final String TIP_LOCATION = "/api/v1/tips/";

  private final MeasurementPlane plane;
  private final LongSupplier nanoTime;

  MeasuringHandler(MeasurementPlane plane, LongSupplier nanoTime) {
    this.plane = plane;
    this.nanoTime = nanoTime;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long start = nanoTime.getAsLong();
    HttpServerRequest request = ctx.request();
    TruthHeaders.Parsed parsed = TruthHeaders.parse(request::getHeader);
    String endpoint = Endpoints.classify(request.method().name(), request.path());
    String population = parsed.label().map(TruthLabel::population).orElse(Truth.UNLABELLED);
    ctx.addEndHandler(ar -> {
      int status = ctx.response().getStatusCode();
      String outcome = ar.succeeded() ? Integer.toString(status) : "reset";
      plane.recordLatency(new LatencyTag(population, endpoint, outcome), (nanoTime.getAsLong() - start) / 1000);
      if (plane.mayCarryDecisions(status)) {
        DecisionLog log = ctx.get(DecisionLog.KEY);
        if (log != null) {
          plane.decisions().count(log, Truth.classOf(parsed.label().map(TruthLabel::truth)));
        }
      }
    });
    if (parsed.error().isPresent()) {
      ctx.fail(ApiException.of(ErrorCode.TRUTH_HEADER_INVALID, parsed.error().get()));
      return;
    }
    if (parsed.label().isPresent() && endpoint.equals(Endpoints.TIPS_POST)) {
      TruthLabel label = parsed.label().get();
      ctx.addHeadersEndHandler(v -> {
        String location = ctx.response().headers().get(HttpHeaders.LOCATION);
        int status = ctx.response().getStatusCode();
        if ((status == 201 || status == 202) && location != null && location.startsWith(TIP_LOCATION)) {
          plane.truth().remember(location.substring(TIP_LOCATION.length()), label);
        }
      });
    }
    ctx.next();
  }
}
