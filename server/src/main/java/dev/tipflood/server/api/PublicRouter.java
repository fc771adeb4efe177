package dev.tipflood.server.api;

import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.wiring.RouteContributor;
import dev.tipflood.server.wiring.ServerComponents;
import dev.tipflood.server.wiring.ServerWiring;
import dev.tipflood.server.ingress.ConnectionGate;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;

/** Builds the public router: contributors' handlers first, then the gate, admission (defences), the API, 404/405, errors. */
public final class PublicRouter {
  public static final String TIPS = "/api/v1/tips";
  /** A deferred tip's media upload: {@code POST /api/v1/tips/{id}/media}. */
  public static final String TIP_MEDIA = TIPS + "/:id/media";

  private PublicRouter() {}

  /**
   * @param worker the storage pool: media renames, fsyncs and deletes
   * @param reader the pool that reads stored tips back for {@code GET}
   */
  public static Router create(ServerComponents c, ServerWiring wiring, ConnectionGate gate, WorkerExecutor worker,
      WorkerExecutor reader) {
    Router router = Router.router(c.vertx());
    for (RouteContributor contributor : wiring.routes()) {
      contributor.contributePublic(router);
    }
    router.route().handler(new FramingGuard());
    router.route().handler(gate.requestGuard());
    for (RouteContributor contributor : wiring.routes()) {
      contributor.contributeAdmission(router);
    }
    MetadataParser parser = new MetadataParser(c.profile().limits().maxDescriptionChars());
    TipIntake intake = new TipIntake(parser, c.media(), c.tips(), worker, c.clock());
    router.post(TIPS).handler(new CreateTipHandler(c.vertx(), c.profile(), c.media(), worker, intake,
        wiring.pipeline(), c.clock(), wiring.uploads(), wiring.guard()));
    router.route(TIPS).handler(new MethodNotAllowedHandler("POST"));
    router.post(TIP_MEDIA).handler(new AttachMediaHandler(c.vertx(), c.profile(), c.media(), worker, reader,
        c.tips(), intake, wiring.pipeline(), c.clock(), wiring.uploads(), wiring.guard()));
    router.route(TIP_MEDIA).handler(new MethodNotAllowedHandler("POST"));
    router.get(TIPS + "/:id").handler(new GetTipHandler(c.tips(), reader));
    router.route(TIPS + "/:id").handler(new MethodNotAllowedHandler("GET"));
    router.route().handler(ctx -> ctx.fail(ApiException.of(ErrorCode.NOT_FOUND, "no such resource: "
        + ctx.request().path())));
    router.route().failureHandler(new ApiFailureHandler());
    return router;
  }
}
