package dev.tipflood.server.admin;

import dev.tipflood.server.RouteContributor;
import dev.tipflood.server.ServerComponents;
import dev.tipflood.server.ServerWiring;
import dev.tipflood.server.api.ApiException;
import dev.tipflood.server.api.ApiFailureHandler;
import dev.tipflood.server.api.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.function.BooleanSupplier;

/**
 * The admin router (bound to 127.0.0.1): {@code /health} and {@code /ready} are open, everything
 * else needs the bearer token: {@code /metrics} and whatever contributors add.
 */
public final class AdminRouter {
  private AdminRouter() {}

  public static Router create(ServerComponents c, ServerWiring wiring, String token, BooleanSupplier ready) {
    Router router = Router.router(c.vertx());
    router.get("/health").handler(ctx -> status(ctx.response(), true));
    router.get("/ready").handler(ctx -> status(ctx.response(), ready.getAsBoolean() && c.tips().healthy()));
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

  private static void status(io.vertx.core.http.HttpServerResponse response, boolean up) {
    response.setStatusCode(up ? 200 : 503)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    if (!up) {
      response.putHeader(HttpHeaders.RETRY_AFTER, "1");
    }
    response
        .end(new JsonObject().put("status", up ? "UP" : "DOWN").encode());
  }
}
