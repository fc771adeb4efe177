package dev.tipflood.server.admin;

import dev.tipflood.server.wiring.RouteContributor;
import dev.tipflood.server.wiring.ServerComponents;
import dev.tipflood.server.wiring.ServerWiring;
import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.ApiFailureHandler;
import dev.tipflood.server.api.error.ErrorCode;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

/**
 * The admin router (bound to 127.0.0.1): {@code /health} (liveness) and {@code /ready}
 * (readiness) are open, everything else needs the bearer token: {@code /metrics} and whatever
 * contributors add. Both probes are answered on the admin event loop from published values, so a
 * process whose threads are stalled (GC thrash) answers them late or not at all, as it would a
 * real probe.
 */
public final class AdminRouter {
  private AdminRouter() {}

  public static Router create(ServerComponents c, ServerWiring wiring, String token) {
    Router router = Router.router(c.vertx());
    router.get("/health").handler(new HealthReportHandler(c.health()::liveness));
    router.get("/ready").handler(new HealthReportHandler(c.health()::readiness));
    router.route().handler(new BearerAuthHandler(token));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(c.metrics()));
    for (RouteContributor contributor : wiring.routes()) {
      contributor.contributeAdmin(router);
    }
    router.route().handler(ctx -> ctx.fail(ApiException.of(ErrorCode.NOT_FOUND, "no such admin resource: "
        + ctx.request().path())));
    router.route().failureHandler(new ApiFailureHandler());
    return router;
  }
}
